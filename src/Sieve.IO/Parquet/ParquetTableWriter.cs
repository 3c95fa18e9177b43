using Parquet;
using Parquet.Schema;
using Sieve.Core.Tables;
using Sieve.IO.Internal;

namespace Sieve.IO.Parquet;

/// <summary>
/// Writes a <see cref="FeatureTable"/> as Parquet: columns in <see cref="FeatureTable.ColumnOrder"/>,
/// features as required double columns, side channels as string columns, in row groups of
/// <see cref="ParquetTableOptions.RowGroupSize"/> rows so only one group's column slice is copied
/// at a time. <see cref="ParquetTableReader"/> reads it back to an equal table when the side
/// channels' names are not numeric-looking features (side channels are strings, so they stay side
/// channels under automatic selection).
/// </summary>
public static class ParquetTableWriter
{
    /// <summary>Writes <paramref name="table"/> to <paramref name="path"/> through a temporary file renamed on success.</summary>
    public static void Write(string path, FeatureTable table, ParquetTableOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(table);
        options ??= ParquetTableOptions.Default;
        ArgumentOutOfRangeException.ThrowIfLessThan(options.RowGroupSize, 1, nameof(options));
        Field[] schemaFields = Plan(table, out int[] sources);
        AtomicFile.WriteBinary(path, stream => WritePlanned(stream, table, options.RowGroupSize, schemaFields, sources));
    }

    /// <summary>Each output column: a feature index (>= 0) or a side channel (~index).</summary>
    private static Field[] Plan(FeatureTable table, out int[] sources)
    {
        var fields = new Field[table.ColumnOrder.Count];
        sources = new int[fields.Length];
        for (int c = 0; c < fields.Length; c++)
        {
            string name = table.ColumnOrder[c];
            int feature = IndexOf(table.FeatureNames, name);
            int channel = table.SideChannels.Select(s => s.Name).ToList().IndexOf(name);
            if (feature < 0 && channel < 0)
            {
                throw new ArgumentException($"ColumnOrder names '{name}', which is neither a feature nor a side channel.", nameof(table));
            }

            sources[c] = feature >= 0 ? feature : ~channel;
            fields[c] = feature >= 0 ? new DataField<double>(name) : new DataField<string>(name);
        }

        if (fields.Length != table.FeatureCount + table.SideChannels.Count)
        {
            throw new ArgumentException("ColumnOrder must name every feature and side channel exactly once.", nameof(table));
        }

        return fields;
    }

    private static void WritePlanned(Stream stream, FeatureTable table, int groupSize, Field[] fields, int[] sources)
    {
        var schema = new ParquetSchema(fields);
        DataField[] dataFields = schema.GetDataFields();
        ParquetWriter writer = ParquetWriter.CreateAsync(schema, stream).GetAwaiter().GetResult();
        try
        {
            WriteGroups(writer, table, groupSize, dataFields, sources);
        }
        finally
        {
            // Disposing writes the file footer.
            writer.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    private static void WriteGroups(ParquetWriter writer, FeatureTable table, int groupSize, DataField[] dataFields, int[] sources)
    {
        int featureCount = table.FeatureCount;
        var slice = new double[Math.Min(groupSize, Math.Max(table.RowCount, 1))];
        for (int start = 0; start < table.RowCount || (start == 0 && table.RowCount == 0); start += groupSize)
        {
            int rows = Math.Min(groupSize, table.RowCount - start);
            using ParquetRowGroupWriter group = writer.CreateRowGroup();
            for (int c = 0; c < dataFields.Length; c++)
            {
                if (sources[c] >= 0)
                {
                    for (int r = 0; r < rows; r++)
                    {
                        slice[r] = table.Values[((long)(start + r) * featureCount) + sources[c]];
                    }

                    group.WriteAsync(dataFields[c], new ReadOnlyMemory<double>(slice, 0, rows)).GetAwaiter().GetResult();
                }
                else
                {
                    IReadOnlyList<string> texts = table.SideChannels[~sources[c]].Values;
                    group.WriteAsync(dataFields[c], texts.Skip(start).Take(rows).ToArray()).GetAwaiter().GetResult();
                }
            }

            if (table.RowCount == 0)
            {
                break;
            }
        }
    }

    private static int IndexOf(IReadOnlyList<string> names, string name)
    {
        for (int i = 0; i < names.Count; i++)
        {
            if (string.Equals(names[i], name, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}
