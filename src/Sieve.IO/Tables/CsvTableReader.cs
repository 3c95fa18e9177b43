using Sieve.Core.Errors;
using Sieve.Core.Tables;
using Sieve.IO.Internal;

namespace Sieve.IO.Tables;

/// <summary>
/// Reads a numeric CSV table with a header line into a <see cref="FeatureTable"/>: feature
/// columns as doubles, every other column as a <see cref="SideChannel"/> holding the exact cell
/// text, and <see cref="FeatureTable.ColumnOrder"/> in header order so a writer can rebuild the
/// file. Which columns are features is set by <see cref="CsvTableOptions"/>.
/// </summary>
/// <remarks>
/// Numbers are parsed in invariant culture with <see cref="System.Globalization.NumberStyles.Float"/>;
/// NaN and infinity are rejected in feature columns. No quoting. LF and CRLF line endings; empty
/// lines only at the end. Malformed input throws <see cref="SieveDataException"/> naming the
/// file, the 1-based line, the column and the expected form. The whole table is held in memory:
/// a <see cref="FeatureTable"/> is an in-memory object anyway.
/// </remarks>
public static class CsvTableReader
{
    /// <summary>Reads the table in <paramref name="path"/>, reporting the bytes read so far to <paramref name="bytesRead"/>.</summary>
    public static FeatureTable Read(string path, CsvTableOptions? options = null, IProgress<long>? bytesRead = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using Stream stream = ProgressStream.Wrap(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan), bytesRead);
        using var reader = new StreamReader(stream);
        return Read(reader, path, options);
    }

    /// <summary>
    /// Reads the table from <paramref name="reader"/>; <paramref name="displayName"/> names the
    /// source in error messages. The caller keeps ownership of the reader.
    /// </summary>
    public static FeatureTable Read(TextReader reader, string displayName, CsvTableOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(displayName);
        options ??= CsvTableOptions.Default;
        char delimiter = options.Delimiter;
        if (delimiter is '\r' or '\n')
        {
            throw new ArgumentException("The delimiter cannot be a line break.", nameof(options));
        }

        string[] names = ReadHeader(reader, displayName, delimiter);
        CsvColumn[] columns = PlanColumns(names, options, displayName);
        var position = new LinePosition();
        int rowCount = ReadRows(reader, displayName, delimiter, columns, position, int.MaxValue);
        foreach (CsvColumn column in columns)
        {
            column.Decide(displayName, firstDataLine: 2);
        }

        return Build(names, columns, options, rowCount);
    }

    /// <summary>
    /// Reads the table in chunks of at most <paramref name="rowsPerChunk"/> rows, in bounded memory.
    /// Which columns are features is decided on the first chunk (as <see cref="Read(string, CsvTableOptions?, IProgress{long}?)"/>
    /// decides on the whole file) and then holds: a later cell of a feature column that is not a
    /// finite number is an error naming its line, never a silent switch of the column to text.
    /// Every chunk has the same feature names, side channels and column order.
    /// </summary>
    public static IEnumerable<FeatureTable> ReadChunks(string path, int rowsPerChunk, CsvTableOptions? options = null, IProgress<long>? bytesRead = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentOutOfRangeException.ThrowIfLessThan(rowsPerChunk, 1);
        options ??= CsvTableOptions.Default;
        if (options.Delimiter is '\r' or '\n')
        {
            throw new ArgumentException("The delimiter cannot be a line break.", nameof(options));
        }

        return Chunks(path, rowsPerChunk, options, bytesRead);
    }

    private static IEnumerable<FeatureTable> Chunks(string path, int rowsPerChunk, CsvTableOptions options, IProgress<long>? bytesRead)
    {
        using Stream stream = ProgressStream.Wrap(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan), bytesRead);
        using var reader = new StreamReader(stream);
        char delimiter = options.Delimiter;
        string[] names = ReadHeader(reader, path, delimiter);
        CsvColumn[] columns = PlanColumns(names, options, path);
        var position = new LinePosition();
        int rows = ReadRows(reader, path, delimiter, columns, position, rowsPerChunk);
        foreach (CsvColumn column in columns)
        {
            column.Decide(path, firstDataLine: 2);
        }

        // The roles the first chunk settled, as options every later chunk is read with.
        CsvTableOptions fixedRoles = options with { FeatureColumns = options.FeatureColumns ?? [.. columns.Where(c => c.IsFeature).Select(c => c.Name)] };
        yield return Build(names, columns, options, rows);
        while (rows == rowsPerChunk)
        {
            columns = [.. names.Select(n => fixedRoles.FeatureColumns!.Contains(n, StringComparer.OrdinalIgnoreCase) ? CsvColumn.Feature(n) : CsvColumn.SideChannel(n))];
            rows = ReadRows(reader, path, delimiter, columns, position, rowsPerChunk);
            if (rows > 0)
            {
                yield return Build(names, columns, fixedRoles, rows);
            }
        }
    }

    // Where the reader is in the file, kept across chunks: the last line read and the first blank line seen.
    private sealed class LinePosition
    {
        public long Line { get; set; } = 1;

        public long FirstBlankLine { get; set; }
    }

    private static string[] ReadHeader(TextReader reader, string file, char delimiter)
    {
        string? header = reader.ReadLine();
        if (header is null)
        {
            throw new SieveDataException(file, 1, null, "the file is empty", "a header line with column names");
        }

        if (string.IsNullOrWhiteSpace(header))
        {
            throw new SieveDataException(file, 1, null, "the header line is empty", "a header line with column names");
        }

        string[] names = header.Split(delimiter);
        bool allNumeric = true;
        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (int i = 0; i < names.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(names[i]))
            {
                throw new SieveDataException(file, 1, $"column {i + 1}", "empty column name", "a name for every column");
            }

            if (!seen.TryAdd(names[i], i + 1))
            {
                // Names are matched case-insensitively (options, FeatureTable.IndexOf), so "pt" and "PT" clash.
                throw new SieveDataException(file, 1, names[i], $"column name appears twice (columns {seen[names[i]]} and {i + 1})",
                    "unique column names (compared case-insensitively)");
            }

            allNumeric &= NumberText.IsNumber(names[i]);
        }

        if (allNumeric)
        {
            // A first line of numbers is data: the header is missing, and guessing names would
            // silently lose the first row.
            throw new SieveDataException(file, 1, null, "the first line holds numbers only, so the header is missing",
                $"a header line with column names separated by '{delimiter}'");
        }

        return names;
    }

    private static CsvColumn[] PlanColumns(string[] names, CsvTableOptions options, string file)
    {
        var columns = new CsvColumn[names.Length];
        if (options.FeatureColumns is null)
        {
            for (int i = 0; i < names.Length; i++)
            {
                columns[i] = CsvTableOptions.IsSideChannelName(names[i]) ? CsvColumn.SideChannel(names[i]) : CsvColumn.Undecided(names[i]);
            }

            return columns;
        }

        var wanted = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (string feature in options.FeatureColumns)
        {
            if (!wanted.Add(feature))
            {
                throw new ArgumentException($"Feature column '{feature}' is selected twice.", nameof(options));
            }

            if (!names.Contains(feature, StringComparer.OrdinalIgnoreCase))
            {
                throw new SieveDataException(file, 1, feature, $"the selected feature column '{feature}' is not in the header",
                    $"one of the available columns: {string.Join(", ", names)}");
            }
        }

        for (int i = 0; i < names.Length; i++)
        {
            columns[i] = wanted.Contains(names[i]) ? CsvColumn.Feature(names[i]) : CsvColumn.SideChannel(names[i]);
        }

        return columns;
    }

    private static int ReadRows(TextReader reader, string file, char delimiter, CsvColumn[] columns, LinePosition position, int limit)
    {
        long lineNumber = position.Line;
        long firstBlankLine = position.FirstBlankLine;
        int rowCount = 0;
        while (rowCount < limit && reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                firstBlankLine = firstBlankLine == 0 ? lineNumber : firstBlankLine;
                continue;
            }

            if (firstBlankLine != 0)
            {
                throw new SieveDataException(file, firstBlankLine, null, "empty line before more rows",
                    "one row per line; empty lines only at the end of the file");
            }

            ReadOnlySpan<char> rest = line;
            int fieldCount = rest.Count(delimiter) + 1;
            if (fieldCount != columns.Length)
            {
                // Name the first missing column, or the first extra field by its number.
                string field = fieldCount < columns.Length ? columns[fieldCount].Name : $"field {columns.Length + 1}";
                throw new SieveDataException(file, lineNumber, field, $"row has {fieldCount} field(s)",
                    $"{columns.Length} fields separated by '{delimiter}', as in the header");
            }

            foreach (CsvColumn column in columns)
            {
                int at = rest.IndexOf(delimiter);
                ReadOnlySpan<char> cell = at < 0 ? rest : rest[..at];
                rest = at < 0 ? [] : rest[(at + 1)..];
                column.Add(cell, file, lineNumber);
            }

            rowCount = checked(rowCount + 1);
        }

        position.Line = lineNumber;
        position.FirstBlankLine = firstBlankLine;
        return rowCount;
    }

    private static FeatureTable Build(string[] names, CsvColumn[] columns, CsvTableOptions options, int rowCount)
    {
        // Feature order: the caller's order when given (it defines the model's input layout),
        // else header order. Names take the header's spelling.
        List<CsvColumn> features = options.FeatureColumns is null
            ? columns.Where(c => c.IsFeature).ToList()
            : options.FeatureColumns.Select(f => columns.First(c => string.Equals(c.Name, f, StringComparison.OrdinalIgnoreCase))).ToList();

        int featureCount = features.Count;
        var values = new double[(long)rowCount * featureCount];
        for (int f = 0; f < featureCount; f++)
        {
            List<double> column = features[f].Numbers!;
            for (int r = 0; r < rowCount; r++)
            {
                values[((long)r * featureCount) + f] = column[r];
            }
        }

        SideChannel[] sideChannels = columns.Where(c => !c.IsFeature).Select(c => new SideChannel(c.Name, c.Texts!)).ToArray();
        return new FeatureTable(features.Select(c => c.Name).ToArray(), values, rowCount, sideChannels, names);
    }
}
