namespace Sieve.Core.Tables;

/// <summary>
/// Missing values in plain tables, where a marker stands for "not defined" (HiggsML writes -999.0
/// for e.g. jet variables of events without jets). Feeding the marker to a model would make it
/// spend its capacity on a fake value 1000 units away; instead <see cref="Split(FeatureTable, double, MissingValueFill, IReadOnlyList{int}?)"/>
/// gives a mask for a masked loss and a table with the marker replaced, and <see cref="Restore"/>
/// puts the marker back where the mask is 0, so a round trip reproduces the original values bit for bit.
/// </summary>
public static class MissingValues
{
    /// <summary>The HiggsML marker for undefined values.</summary>
    public const double HiggsMlMarker = -999.0;

    /// <summary>
    /// Takes the missing values out of <paramref name="table"/>. With <see cref="MissingValueFill.TrainingMean"/>
    /// the per-feature mean of present values is computed over <paramref name="trainingRows"/> (all rows when
    /// null; pass the training split so that validation rows do not leak into it); a feature with no present
    /// value there gets 0.
    /// </summary>
    public static MissingValueSplit Split(FeatureTable table, double marker = HiggsMlMarker,
        MissingValueFill fill = MissingValueFill.Zero, IReadOnlyList<int>? trainingRows = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        double[] fills = fill switch
        {
            MissingValueFill.Zero => new double[table.FeatureCount],
            MissingValueFill.TrainingMean => PresentMeans(table, marker, trainingRows),
            _ => throw new ArgumentOutOfRangeException(nameof(fill), fill, "unknown missing-value fill"),
        };

        return Split(table, marker, fills);
    }

    /// <summary>Takes the missing values out, filling them with given per-feature values (e.g. a model's stored fills).</summary>
    public static MissingValueSplit Split(FeatureTable table, double marker, IReadOnlyList<double> fills)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(fills);
        if (fills.Count != table.FeatureCount)
        {
            throw new ArgumentException($"{fills.Count} fill values for {table.FeatureCount} features.", nameof(fills));
        }

        int f = table.FeatureCount;
        var mask = new double[table.Values.Length];
        var values = (double[])table.Values.Clone();
        for (int i = 0; i < values.Length; i++)
        {
            if (IsMissing(values[i], marker))
            {
                values[i] = fills[i % f];
            }
            else
            {
                mask[i] = 1;
            }
        }

        return new MissingValueSplit(table.WithValues(values), mask, marker, [.. fills]);
    }

    /// <summary>
    /// Puts <paramref name="marker"/> back where <paramref name="mask"/> is 0 in <paramref name="table"/>
    /// (the filled table or its reconstruction); other cells are kept.
    /// </summary>
    public static FeatureTable Restore(FeatureTable table, double[] mask, double marker = HiggsMlMarker)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(mask);
        if (mask.Length != table.Values.Length)
        {
            throw new ArgumentException($"mask has {mask.Length} entries; expected {table.RowCount} rows x {table.FeatureCount} features = {table.Values.Length}.", nameof(mask));
        }

        var values = (double[])table.Values.Clone();
        for (int i = 0; i < values.Length; i++)
        {
            if (mask[i] == 0)
            {
                values[i] = marker;
            }
        }

        return table.WithValues(values);
    }

    /// <summary>The inverse of <see cref="Split(FeatureTable, double, MissingValueFill, IReadOnlyList{int}?)"/> for its own result.</summary>
    public static FeatureTable Restore(MissingValueSplit split)
    {
        ArgumentNullException.ThrowIfNull(split);
        return Restore(split.Table, split.Mask, split.Marker);
    }

    /// <summary>Per feature, the mean of the values that are not the marker over <paramref name="rows"/> (all when null); 0 when none.</summary>
    public static double[] PresentMeans(FeatureTable table, double marker = HiggsMlMarker, IReadOnlyList<int>? rows = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        int f = table.FeatureCount;
        var sum = new double[f];
        var n = new long[f];
        IEnumerable<int> selected = rows ?? Enumerable.Range(0, table.RowCount);
        foreach (int r in selected)
        {
            if ((uint)r >= (uint)table.RowCount)
            {
                throw new ArgumentOutOfRangeException(nameof(rows), r, $"row index outside the table's {table.RowCount} rows.");
            }

            for (int j = 0; j < f; j++)
            {
                double v = table[r, j];
                if (!IsMissing(v, marker))
                {
                    sum[j] += v;
                    n[j]++;
                }
            }
        }

        return [.. sum.Select((s, j) => n[j] == 0 ? 0.0 : s / n[j])];
    }

    /// <summary>Whether <paramref name="value"/> is the missing-value marker (a NaN marker matches NaN).</summary>
    public static bool IsMissing(double value, double marker) =>
        double.IsNaN(marker) ? double.IsNaN(value) : value == marker;
}
