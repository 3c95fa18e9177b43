using System.Globalization;

namespace Sieve.Core.Tables;

/// <summary>
/// Chooses the feature columns of a table whose every column was read as numbers (.npy, HDF5,
/// Parquet): the chosen ones stay features, in the given order; the others move to side channels
/// as shortest round-trip text, so nothing is lost, and <see cref="Restore"/> turns them back into
/// numbers for writing the file again.
/// </summary>
public static class FeatureSelection
{
    /// <summary>Keeps <paramref name="columns"/> as features (all when null); returns the table and the moved names.</summary>
    public static (FeatureTable Table, IReadOnlyList<string> Moved) Select(FeatureTable table, IReadOnlyList<string>? columns)
    {
        ArgumentNullException.ThrowIfNull(table);
        if (columns is null)
        {
            return (table, []);
        }

        int[] keep = new int[columns.Count];
        for (int i = 0; i < columns.Count; i++)
        {
            keep[i] = table.IndexOf(columns[i]);
            if (keep[i] < 0)
            {
                throw new ArgumentException($"column '{columns[i]}' is not in the table; numeric columns: {string.Join(", ", table.FeatureNames)}.");
            }
        }

        var values = new double[table.RowCount * keep.Length];
        for (int r = 0; r < table.RowCount; r++)
        {
            for (int i = 0; i < keep.Length; i++)
            {
                values[(r * keep.Length) + i] = table[r, keep[i]];
            }
        }

        var moved = new List<string>();
        var channels = new List<SideChannel>(table.SideChannels);
        for (int f = 0; f < table.FeatureCount; f++)
        {
            if (Array.IndexOf(keep, f) >= 0)
            {
                continue;
            }

            moved.Add(table.FeatureNames[f]);
            var text = new string[table.RowCount];
            for (int r = 0; r < table.RowCount; r++)
            {
                text[r] = table[r, f].ToString("R", CultureInfo.InvariantCulture);
            }

            channels.Add(new SideChannel(table.FeatureNames[f], text));
        }

        string[] names = [.. keep.Select(k => table.FeatureNames[k])];
        return (new FeatureTable(names, values, table.RowCount, channels, table.ColumnOrder), moved);
    }

    /// <summary>Turns the moved side channels back into features, in the table's column order.</summary>
    public static FeatureTable Restore(FeatureTable table, IReadOnlyCollection<string> moved)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(moved);
        if (moved.Count == 0)
        {
            return table;
        }

        var features = table.ColumnOrder.Where(c => table.IndexOf(c) >= 0 || moved.Contains(c)).ToArray();
        var values = new double[table.RowCount * features.Length];
        for (int i = 0; i < features.Length; i++)
        {
            int f = table.IndexOf(features[i]);
            IReadOnlyList<string>? text = f >= 0 ? null : table.SideChannels.First(c => c.Name == features[i]).Values;
            for (int r = 0; r < table.RowCount; r++)
            {
                values[(r * features.Length) + i] = f >= 0 ? table[r, f] : double.Parse(text![r], NumberStyles.Float, CultureInfo.InvariantCulture);
            }
        }

        SideChannel[] rest = [.. table.SideChannels.Where(c => !moved.Contains(c.Name))];
        return new FeatureTable(features, values, table.RowCount, rest, table.ColumnOrder);
    }
}
