using Parquet;
using Parquet.Schema;
using Sieve.Core.Tables;
using Sieve.IO.Internal;
using Sieve.IO.Tables;

namespace Sieve.IO.Parquet;

/// <summary>
/// Reads a flat Parquet file into a <see cref="FeatureTable"/>, one row group at a time: feature
/// columns widened to double, every other column kept as text in a <see cref="SideChannel"/>,
/// <see cref="FeatureTable.ColumnOrder"/> in schema order. Which columns are features is set by
/// <see cref="ParquetTableOptions.FeatureColumns"/> (automatic by type and name when null).
/// </summary>
/// <remarks>
/// Parquet.Net is asynchronous only; this reader blocks on it, which is safe in console and test
/// hosts (no synchronisation context). A null in a feature column, a nested column, or a file that
/// is not Parquet throws <see cref="ParquetFormatException"/> naming file, row and column.
/// </remarks>
public static class ParquetTableReader
{
    /// <summary>Reads the table in <paramref name="path"/>.</summary>
    public static FeatureTable Read(string path, ParquetTableOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        return Read(stream, path, options);
    }

    /// <summary>Reads the table from a seekable <paramref name="stream"/>; the caller keeps ownership.</summary>
    public static FeatureTable Read(Stream stream, string displayName, ParquetTableOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(displayName);
        options ??= ParquetTableOptions.Default;
        ParquetFooterCheck.Require(stream, displayName);
        ParquetReader reader = Open(stream, displayName);
        try
        {
            RequireSizesWithin(reader, stream.Length, displayName);
            return ReadGroups(reader, displayName, options);
        }
        catch (Exception e) when (e is not ParquetFormatException and not OutOfMemoryException and not FileNotFoundException and not UnauthorizedAccessException)
        {
            // Parquet.Net meets damage deep in its decoders (Thrift, encodings, codecs) and reports
            // it with whatever exception the decoder has; the file is what is wrong, so say so.
            throw new ParquetFormatException(displayName, null, null, $"the file is damaged: {e.GetType().Name}: {e.Message}", "an intact Parquet file", e);
        }
        finally
        {
            reader.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    private static FeatureTable ReadGroups(ParquetReader reader, string displayName, ParquetTableOptions options)
    {
        DataField[] fields = reader.Schema.GetDataFields();
        if (fields.Length != reader.Schema.Fields.Count || fields.Any(f => f.IsArray))
        {
            throw new ParquetFormatException(displayName, null, null, "the file has nested, list or map columns", "a flat table of scalar columns");
        }

        bool[] isFeature = PlanColumns(fields, options, displayName);
        var numbers = fields.Select((_, i) => isFeature[i] ? new List<double>() : null).ToArray();
        var texts = fields.Select((_, i) => isFeature[i] ? null : new List<string>()).ToArray();
        long rowsBefore = 0;
        for (int g = 0; g < reader.RowGroupCount; g++)
        {
            using ParquetRowGroupReader group = reader.OpenRowGroupReader(g);
            int rows = checked((int)group.RowCount);
            for (int c = 0; c < fields.Length; c++)
            {
                ReadColumn(group, fields[c], rows, numbers[c], texts[c], displayName, rowsBefore);
            }

            rowsBefore += rows;
        }

        return Build(fields, isFeature, numbers, texts, checked((int)rowsBefore), options);
    }

    // Row counts and column chunks as the footer declares them, checked against the file before
    // any is read: a damaged footer must not make the reader allocate by a size the file cannot hold.
    private static void RequireSizesWithin(ParquetReader reader, long fileBytes, string file)
    {
        if (reader.Metadata?.RowGroups is not { } groups)
        {
            return;
        }

        long rows = 0;
        for (int g = 0; g < groups.Count; g++)
        {
            global::Parquet.Meta.RowGroup group = groups[g];
            rows += group.NumRows;
            if (group.NumRows < 0 || rows > Array.MaxLength)
            {
                throw new ParquetFormatException(file, null, null, $"row group {g} declares {group.NumRows} rows ({rows} in all)", $"0 to {Array.MaxLength} rows in all");
            }

            foreach (global::Parquet.Meta.ColumnChunk chunk in group.Columns)
            {
                if (chunk.MetaData is not { } meta)
                {
                    continue;
                }

                long start = meta.DictionaryPageOffset is { } d && d > 0 ? Math.Min(d, meta.DataPageOffset) : meta.DataPageOffset;
                if (meta.TotalCompressedSize < 0 || start < 0 || start > fileBytes || meta.TotalCompressedSize > fileBytes - start)
                {
                    throw new ParquetFormatException(file, null, string.Join(".", meta.PathInSchema ?? []),
                        $"row group {g} declares a column chunk of {meta.TotalCompressedSize} bytes at offset {start}, beyond the file's {fileBytes} bytes",
                        "column chunks inside the file");
                }
            }
        }
    }

    private static ParquetReader Open(Stream stream, string file)
    {
        try
        {
            return ParquetReader.CreateAsync(stream, leaveStreamOpen: true).GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is not OutOfMemoryException and not FileNotFoundException)
        {
            // Parquet.Net reports a bad magic or footer as IOException, so IOException is included.
            throw new ParquetFormatException(file, null, null, $"the file cannot be read as Parquet: {e.Message}", "a Parquet file (magic PAR1)", e);
        }
    }

    private static bool[] PlanColumns(DataField[] fields, ParquetTableOptions options, string file)
    {
        if (options.FeatureColumns is null)
        {
            return fields.Select(f => ParquetColumns.IsNumeric(f) && !CsvTableOptions.IsSideChannelName(f.Name)).ToArray();
        }

        var wanted = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (string name in options.FeatureColumns)
        {
            if (!wanted.Add(name))
            {
                throw new ArgumentException($"Feature column '{name}' is selected twice.", nameof(options));
            }

            DataField? field = fields.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase))
                ?? throw new ParquetFormatException(file, null, name, $"the selected feature column '{name}' is not in the file",
                    $"one of the columns: {string.Join(", ", fields.Select(f => f.Name))}");
            if (!ParquetColumns.IsNumeric(field))
            {
                throw new ParquetFormatException(file, null, field.Name, $"the column has type {field.ClrType.Name}",
                    "an integer or floating-point column to read as a feature");
            }
        }

        return fields.Select(f => wanted.Contains(f.Name)).ToArray();
    }

    private static void ReadColumn(ParquetRowGroupReader group, DataField field, int rows, List<double>? numbers, List<string>? texts,
        string file, long rowsBefore)
    {
        try
        {
            if (numbers is not null)
            {
                (double[] values, int firstNull) = ParquetColumns.ReadNumbers(group, field, rows);
                if (firstNull >= 0)
                {
                    throw new ParquetFormatException(file, rowsBefore + firstNull + 1, field.Name, "a feature column holds a null",
                        "a number in every row (list the feature columns in FeatureColumns to keep this column as a side channel)");
                }

                numbers.AddRange(values);
            }
            else
            {
                texts!.AddRange(ParquetColumns.ReadTexts(group, field, rows));
            }
        }
        catch (Exception e) when (e is not ParquetFormatException and not IOException and not OutOfMemoryException)
        {
            throw new ParquetFormatException(file, null, field.Name, $"the column cannot be read: {e.Message}",
                "a scalar column of a numeric, string, boolean or date type", e);
        }
    }

    private static FeatureTable Build(DataField[] fields, bool[] isFeature, List<double>?[] numbers, List<string>?[] texts, int rowCount,
        ParquetTableOptions options)
    {
        int[] featureOrder = options.FeatureColumns is null
            ? Enumerable.Range(0, fields.Length).Where(i => isFeature[i]).ToArray()
            : options.FeatureColumns.Select(n => Array.FindIndex(fields, f => string.Equals(f.Name, n, StringComparison.OrdinalIgnoreCase))).ToArray();
        int featureCount = featureOrder.Length;
        var values = new double[(long)rowCount * featureCount];
        for (int f = 0; f < featureCount; f++)
        {
            List<double> column = numbers[featureOrder[f]]!;
            for (int r = 0; r < rowCount; r++)
            {
                values[((long)r * featureCount) + f] = column[r];
            }
        }

        SideChannel[] channels = Enumerable.Range(0, fields.Length).Where(i => !isFeature[i]).Select(i => new SideChannel(fields[i].Name, texts[i]!)).ToArray();
        return new FeatureTable(featureOrder.Select(i => fields[i].Name).ToArray(), values, rowCount, channels, fields.Select(f => f.Name).ToArray());
    }
}
