namespace Sieve.Core.Tables;

/// <summary>
/// A seeded split of row indices into training and validation parts. Made once, before anything is
/// fitted, so normalisers see the training rows only.
/// </summary>
/// <param name="Train">Training row indices.</param>
/// <param name="Validation">Validation row indices.</param>
public sealed record DataSplit(int[] Train, int[] Validation)
{
    /// <summary>Shuffles 0..n-1 with <paramref name="seed"/> and holds out round(n * fraction) rows.</summary>
    public static DataSplit Create(int n, double validationFraction, int seed)
    {
        if (validationFraction is < 0 or >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(validationFraction), validationFraction, "must be in [0, 1)");
        }

        int[] order = Enumerable.Range(0, n).ToArray();
        new Random(seed).Shuffle(order);
        int nVal = (int)Math.Round(n * validationFraction);
        if (n - nVal < 1)
        {
            throw new ArgumentException($"{n} rows leave nothing to train on with validation fraction {validationFraction}.");
        }

        return new DataSplit(order[nVal..], order[..nVal]);
    }

    /// <summary>The rows of a table selected by <paramref name="rows"/> (features only, row-major).</summary>
    public static double[] Rows(FeatureTable table, int[] rows)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(rows);
        int f = table.FeatureCount;
        var result = new double[rows.Length * f];
        for (int i = 0; i < rows.Length; i++)
        {
            Array.Copy(table.Values, rows[i] * f, result, i * f, f);
        }

        return result;
    }

    /// <summary>A feature-only table made of the selected rows (for fitting normalisers).</summary>
    public static FeatureTable Subset(FeatureTable table, int[] rows)
    {
        ArgumentNullException.ThrowIfNull(table);
        return new FeatureTable(table.FeatureNames, Rows(table, rows), rows.Length, [], table.FeatureNames);
    }
}
