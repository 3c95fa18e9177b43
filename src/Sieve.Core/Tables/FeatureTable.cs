namespace Sieve.Core.Tables;

/// <summary>
/// A numeric table: N rows of F named features (row-major, double) plus lossless side channels.
/// <see cref="ColumnOrder"/> records the source's column order so a writer can rebuild the file.
/// </summary>
public sealed class FeatureTable
{
    /// <summary>Creates a table; checks that every column has <paramref name="rowCount"/> rows.</summary>
    public FeatureTable(IReadOnlyList<string> featureNames, double[] values, int rowCount,
        IReadOnlyList<SideChannel> sideChannels, IReadOnlyList<string> columnOrder)
    {
        ArgumentNullException.ThrowIfNull(featureNames);
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(sideChannels);
        ArgumentNullException.ThrowIfNull(columnOrder);
        if (values.Length != (long)rowCount * featureNames.Count)
        {
            throw new ArgumentException($"values has {values.Length} entries; expected {rowCount} rows x {featureNames.Count} features.", nameof(values));
        }

        foreach (SideChannel channel in sideChannels)
        {
            if (channel.Values.Count != rowCount)
            {
                throw new ArgumentException($"side channel '{channel.Name}' has {channel.Values.Count} rows; expected {rowCount}.", nameof(sideChannels));
            }
        }

        FeatureNames = featureNames;
        Values = values;
        RowCount = rowCount;
        SideChannels = sideChannels;
        ColumnOrder = columnOrder;
    }

    /// <summary>Names of the feature columns, in the order of <see cref="Values"/>.</summary>
    public IReadOnlyList<string> FeatureNames { get; }

    /// <summary>Feature values, row-major (N, F).</summary>
    public double[] Values { get; }

    /// <summary>Number of rows N.</summary>
    public int RowCount { get; }

    /// <summary>Number of features F.</summary>
    public int FeatureCount => FeatureNames.Count;

    /// <summary>Columns kept verbatim.</summary>
    public IReadOnlyList<SideChannel> SideChannels { get; }

    /// <summary>All column names in source order (features and side channels).</summary>
    public IReadOnlyList<string> ColumnOrder { get; }

    /// <summary>Value of feature <paramref name="feature"/> in row <paramref name="row"/>.</summary>
    public double this[int row, int feature] => Values[(row * FeatureCount) + feature];

    /// <summary>Index of a feature by name (ordinal, case-insensitive), or -1.</summary>
    public int IndexOf(string featureName)
    {
        for (int i = 0; i < FeatureNames.Count; i++)
        {
            if (string.Equals(FeatureNames[i], featureName, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>A copy of one feature column.</summary>
    public double[] Column(int feature)
    {
        var column = new double[RowCount];
        for (int r = 0; r < RowCount; r++)
        {
            column[r] = Values[(r * FeatureCount) + feature];
        }

        return column;
    }

    /// <summary>The same table with other feature values (same shape), e.g. a reconstruction.</summary>
    public FeatureTable WithValues(double[] values) => new(FeatureNames, values, RowCount, SideChannels, ColumnOrder);
}
