namespace Sieve.Core.Metrics.Generation;

/// <summary>
/// How the per-feature W1 is bootstrapped (JetNet's <c>w1m</c>/<c>w1p</c>): <see cref="Batches"/>
/// resamples with replacement of <see cref="SampleSize"/> rows from each sample, W1 measured on each;
/// the result is their mean and standard deviation.
/// </summary>
public sealed record BootstrapOptions
{
    /// <summary>Resamples; default 5 (JetNet's).</summary>
    public int Batches { get; init; } = 5;

    /// <summary>Rows drawn per resample; null (default) = the smaller sample's size, at most 50,000 (JetNet's size).</summary>
    public int? SampleSize { get; init; }

    /// <summary>Seed of the resampling; default 42.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>The resample size for samples of <paramref name="rowsA"/> and <paramref name="rowsB"/> rows.</summary>
    public int SizeFor(int rowsA, int rowsB) => SampleSize ?? Math.Min(50_000, Math.Min(rowsA, rowsB));

    /// <summary>Throws naming the first setting out of range.</summary>
    public void Validate()
    {
        if (Batches < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(Batches), Batches, "the W1 bootstrap needs at least 2 resamples for a spread.");
        }

        if (SampleSize is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(SampleSize), SampleSize, "the W1 resample size must be at least 1 row.");
        }
    }
}
