namespace Sieve.Core.Metrics.Generation;

/// <summary>
/// Settings of the Fréchet physics distance (JetNet's <c>fpd</c>, arXiv:2211.10295): FD measured on
/// <see cref="Batches"/> resamples at each of <see cref="Points"/> sample sizes evenly spaced in 1/N
/// between <see cref="MinSamples"/> and <see cref="MaxSamples"/>, then extrapolated to 1/N = 0.
/// Defaults are JetNet's; samples smaller than <see cref="MaxSamples"/> shrink the range to
/// [0.4 n, n] with n the smaller sample's size (the same 20k : 50k ratio), so no resample is larger
/// than the data.
/// </summary>
public sealed record FpdOptions
{
    /// <summary>Smallest resample size; default 20,000.</summary>
    public int MinSamples { get; init; } = 20_000;

    /// <summary>Largest resample size; default 50,000.</summary>
    public int MaxSamples { get; init; } = 50_000;

    /// <summary>Resamples per size; default 20.</summary>
    public int Batches { get; init; } = 20;

    /// <summary>Sample sizes; default 10.</summary>
    public int Points { get; init; } = 10;

    /// <summary>Divide every feature by the reference's largest |value| first (JetNet's default): features on one scale.</summary>
    public bool Normalise { get; init; } = true;

    /// <summary>Seed of the resampling; default 42.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>The (min, max) resample sizes used for samples of <paramref name="rowsA"/> and <paramref name="rowsB"/> rows.</summary>
    public (int Min, int Max) RangeFor(int rowsA, int rowsB)
    {
        int n = Math.Min(rowsA, rowsB);
        if (n >= MaxSamples)
        {
            return (MinSamples, MaxSamples);
        }

        int min = (int)Math.Round(n * ((double)MinSamples / MaxSamples));
        return (Math.Max(2, min), n);
    }

    /// <summary>Throws naming the first setting out of range.</summary>
    public void Validate()
    {
        if (MinSamples < 2 || MaxSamples <= MinSamples)
        {
            throw new ArgumentOutOfRangeException(nameof(MinSamples), $"FPD sample sizes [{MinSamples}, {MaxSamples}]: expected 2 <= min < max.");
        }

        if (Batches < 1 || Points < 3)
        {
            throw new ArgumentOutOfRangeException(nameof(Points), $"FPD needs at least 1 resample per size and 3 sizes for a fit with an error (got {Batches} and {Points}).");
        }
    }
}
