namespace Sieve.Core.Metrics.Generation;

/// <summary>
/// A sample of feature vectors for the generation metrics: <see cref="Rows"/> x <see cref="Features"/>
/// values, row-major (the layout of <see cref="Tables.FeatureTable.Values"/>), with the feature names.
/// </summary>
public sealed class SampleMatrix
{
    /// <summary>Wraps row-major values (not copied).</summary>
    public SampleMatrix(IReadOnlyList<string> names, double[] values, int rows)
    {
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(values);
        if (rows < 0 || values.Length != (long)rows * names.Count)
        {
            throw new ArgumentException($"a sample of {rows} rows x {names.Count} features needs {(long)rows * names.Count} values, got {values.Length}.", nameof(values));
        }

        Names = names;
        Values = values;
        Rows = rows;
    }

    /// <summary>Feature names, in column order.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>Row-major values.</summary>
    public double[] Values { get; }

    /// <summary>Number of feature vectors.</summary>
    public int Rows { get; }

    /// <summary>Number of features per vector.</summary>
    public int Features => Names.Count;

    /// <summary>A copy of one feature's values.</summary>
    public double[] Column(int feature)
    {
        var column = new double[Rows];
        for (int r = 0; r < Rows; r++)
        {
            column[r] = Values[(r * Features) + feature];
        }

        return column;
    }

    /// <summary>The rows at <paramref name="indices"/> (repeats allowed: bootstrap resamples).</summary>
    public SampleMatrix Select(ReadOnlySpan<int> indices)
    {
        int f = Features;
        var values = new double[indices.Length * f];
        for (int k = 0; k < indices.Length; k++)
        {
            Array.Copy(Values, indices[k] * f, values, k * f, f);
        }

        return new SampleMatrix(Names, values, indices.Length);
    }
}
