using Sieve.Core.Tables;
using Sieve.Core.Parallelism;
using Sieve.IO.Internal;

namespace Sieve.IO.Tables;

/// <summary>
/// Writes a <see cref="FeatureTable"/> as a CSV table that <see cref="CsvTableReader"/> reads
/// back: the header in <see cref="FeatureTable.ColumnOrder"/>, side channels verbatim, features
/// formatted with a .NET format string, LF line endings.
/// </summary>
/// <remarks>
/// The default format "R" gives the shortest text that parses back to the same double, so a
/// table read from a file whose numbers are already shortest text is written back byte for byte.
/// Pass <see cref="Float32Format"/> for values that are float32 at heart (e.g. scores): the
/// shortest text of the float32, without the noise digits of the float -> double conversion.
/// The exponent marker is written as 'e' (as C, Python and pandas do).
/// </remarks>
public static class CsvTableWriter
{
    /// <summary>Default feature format: shortest round-trip text of the double.</summary>
    public const string DefaultFormat = "R";

    /// <summary>
    /// Format of values that are float32 at heart (scores, reconstructions): the shortest text
    /// that round-trips the value as a float32 (at most 9 significant digits).
    /// </summary>
    public const string Float32Format = NumberText.Float32Format;

    // Rows formatted per part: a part's text fits the cache and parts spread over the cores.
    private const int RowsPerPart = 4096;

    /// <summary>
    /// Writes <paramref name="table"/> to <paramref name="path"/> through a temporary file in the
    /// same folder that is renamed on success, so a failed write never leaves a complete-looking file.
    /// </summary>
    public static void Write(string path, FeatureTable table, string format = DefaultFormat, char delimiter = ',')
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        Validate(table, format, delimiter);
        AtomicFile.WriteText(path, writer => WriteValidated(writer, table, format, delimiter));
    }

    /// <summary>Writes <paramref name="table"/> to <paramref name="writer"/>; the caller keeps ownership.</summary>
    public static void Write(TextWriter writer, FeatureTable table, string format = DefaultFormat, char delimiter = ',')
    {
        ArgumentNullException.ThrowIfNull(writer);
        Validate(table, format, delimiter);
        WriteValidated(writer, table, format, delimiter);
    }

    /// <summary>
    /// Writes tables with the same columns (chunks of one table, produced as they are read) as one
    /// file, atomically: the header line of the first, then every table's rows in order.
    /// </summary>
    /// <exception cref="ArgumentException">A chunk has other columns than the first, or breaks a rule of <see cref="Write(TextWriter, FeatureTable, string, char)"/>.</exception>
    /// <param name="path">The file to write.</param>
    /// <param name="chunks">The tables, in order.</param>
    /// <param name="format">Format of the features.</param>
    /// <param name="delimiter">Field delimiter.</param>
    /// <param name="featureFormats">Formats of particular features by name, where they differ from <paramref name="format"/> (float32 scores beside double weights).</param>
    public static void WriteChunks(string path, IEnumerable<FeatureTable> chunks, string format = DefaultFormat, char delimiter = ',',
        IReadOnlyDictionary<string, string>? featureFormats = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(chunks);
        foreach (string f in featureFormats?.Values ?? [])
        {
            NumberText.ValidateFormat(f, nameof(featureFormats));
        }

        AtomicFile.WriteText(path, writer =>
        {
            IReadOnlyList<string>? columns = null;
            foreach (FeatureTable chunk in chunks)
            {
                if (columns is null)
                {
                    columns = chunk.ColumnOrder;
                    writer.Write(HeaderLine(chunk, delimiter));
                }
                else if (!columns.SequenceEqual(chunk.ColumnOrder, StringComparer.Ordinal))
                {
                    throw new ArgumentException($"a chunk's columns ({string.Join(", ", chunk.ColumnOrder)}) are not the first chunk's ({string.Join(", ", columns)}).", nameof(chunks));
                }

                Validate(chunk, format, delimiter);
                WriteValidated(writer, chunk, format, delimiter, header: false, featureFormats);
            }
        });
    }

    /// <summary>
    /// The header line of <paramref name="table"/>'s columns, newline included: written once before
    /// the rows of a table written in chunks (<see cref="WriteRows"/>).
    /// </summary>
    public static string HeaderLine(FeatureTable table, char delimiter = ',')
    {
        ArgumentNullException.ThrowIfNull(table);
        return string.Join(delimiter, table.ColumnOrder) + "\n";
    }

    /// <summary>
    /// Writes the rows of <paramref name="table"/> without the header line: one chunk of a table
    /// written in parts, after <see cref="HeaderLine"/>. The checks are those of <see cref="Write(TextWriter, FeatureTable, string, char)"/>.
    /// </summary>
    public static void WriteRows(TextWriter writer, FeatureTable table, string format = DefaultFormat, char delimiter = ',')
    {
        ArgumentNullException.ThrowIfNull(writer);
        Validate(table, format, delimiter);
        WriteValidated(writer, table, format, delimiter, header: false);
    }

    /// <summary>
    /// Checks everything that would make the output unreadable or not the table's own, before the
    /// first byte is written: the column order must name each feature and side channel once, and
    /// side-channel text must not contain the delimiter or a line break (no quoting).
    /// </summary>
    private static void Validate(FeatureTable table, string format, char delimiter)
    {
        ArgumentNullException.ThrowIfNull(table);
        NumberText.ValidateFormat(format, nameof(format));
        if (delimiter is '\r' or '\n')
        {
            throw new ArgumentException("The delimiter cannot be a line break.", nameof(delimiter));
        }

        var expected = new HashSet<string>(table.FeatureNames, StringComparer.Ordinal);
        foreach (SideChannel channel in table.SideChannels)
        {
            expected.Add(channel.Name);
            foreach (string cell in channel.Values)
            {
                if (cell.Contains(delimiter, StringComparison.Ordinal) || cell.AsSpan().IndexOfAny('\r', '\n') >= 0)
                {
                    throw new ArgumentException($"Side channel '{channel.Name}' holds '{cell}', which contains the delimiter or a line break; CSV tables are written without quoting.", nameof(table));
                }
            }
        }

        if (expected.Count != table.FeatureCount + table.SideChannels.Count
            || table.ColumnOrder.Count != expected.Count
            || !table.ColumnOrder.All(expected.Contains)
            || table.ColumnOrder.Distinct(StringComparer.Ordinal).Count() != expected.Count)
        {
            throw new ArgumentException(
                $"ColumnOrder ({string.Join(", ", table.ColumnOrder)}) must name every feature and side channel exactly once.", nameof(table));
        }

        foreach (string name in table.ColumnOrder)
        {
            if (name.Contains(delimiter, StringComparison.Ordinal) || name.AsSpan().IndexOfAny('\r', '\n') >= 0)
            {
                throw new ArgumentException($"Column name '{name}' contains the delimiter or a line break.", nameof(table));
            }
        }
    }

    private static void WriteValidated(TextWriter writer, FeatureTable table, string format, char delimiter, bool header = true,
        IReadOnlyDictionary<string, string>? featureFormats = null)
    {
        string[] formats = [.. table.FeatureNames.Select(n => featureFormats?.GetValueOrDefault(n) ?? format)];
        // Each output column is either a feature index (>= 0) or a side channel (~index, < 0).
        var sources = new int[table.ColumnOrder.Count];
        for (int c = 0; c < sources.Length; c++)
        {
            string name = table.ColumnOrder[c];
            int feature = IndexOfOrdinal(table.FeatureNames, name);
            sources[c] = feature >= 0 ? feature : ~IndexOfSideChannel(table.SideChannels, name);
        }

        if (header)
        {
            writer.Write(HeaderLine(table, delimiter));
        }

        // Parts of rows are formatted into their own buffers on all cores, a wave at a time, and
        // written in order: formatting numbers is most of the cost of a large table.
        int parts = (table.RowCount + RowsPerPart - 1) / RowsPerPart;
        int wave = Math.Max(1, Math.Min(parts, Environment.ProcessorCount));
        var buffers = new RowText[wave];
        for (int first = 0; first < parts; first += wave)
        {
            int count = Math.Min(wave, parts - first);
            OrderedParallel.For(0, count, count, k =>
            {
                int from = (first + k) * RowsPerPart;
                buffers[k] ??= new RowText();
                buffers[k].Length = 0;
                FormatRows(buffers[k], table, sources, formats, delimiter, from, Math.Min(table.RowCount, from + RowsPerPart));
            });
            for (int k = 0; k < count; k++)
            {
                writer.Write(buffers[k].Chars, 0, buffers[k].Length);
            }
        }
    }

    // Rows [from, to) as CSV lines appended to text.
    private static void FormatRows(RowText text, FeatureTable table, int[] sources, string[] formats, char delimiter, int from, int to)
    {
        int featureCount = table.FeatureCount;
        double[] values = table.Values;
        for (int r = from; r < to; r++)
        {
            for (int c = 0; c < sources.Length; c++)
            {
                if (c > 0)
                {
                    text.Append(delimiter);
                }

                int source = sources[c];
                if (source >= 0)
                {
                    double value = values[((long)r * featureCount) + source];
                    string format = formats[source];
                    bool float32 = format == Float32Format;
                    if (!double.IsFinite(value) || (float32 && !float.IsFinite((float)value)))
                    {
                        // The reader rejects these; better to fail now than write an unreadable file.
                        throw new ArgumentException($"Feature '{table.FeatureNames[source]}' is {value} in row {r}; only finite values{(float32 ? " within float32's range" : "")} can be written.", nameof(table));
                    }

                    text.AppendNumber(value, format);
                }
                else
                {
                    text.Append(table.SideChannels[~source].Values[r]);
                }
            }

            text.Append('\n');
        }
    }

    // A growable char buffer for one part's lines.
    private sealed class RowText
    {
        public char[] Chars { get; private set; } = new char[1 << 16];

        public int Length { get; set; }

        public void Append(char c)
        {
            Ensure(1);
            Chars[Length++] = c;
        }

        public void Append(string s)
        {
            Ensure(s.Length);
            s.CopyTo(Chars.AsSpan(Length));
            Length += s.Length;
        }

        public void AppendNumber(double value, string format)
        {
            Ensure(64);
            if (NumberText.TryFormat(value, format, Chars.AsSpan(Length), out int written))
            {
                Length += written;
            }
            else
            {
                // Custom format strings can be longer than 64 characters; rare, so allocate.
                Append(value.ToString(format, System.Globalization.CultureInfo.InvariantCulture).Replace('E', 'e'));
            }
        }

        private void Ensure(int more)
        {
            if (Length + more > Chars.Length)
            {
                char[] bigger = new char[Math.Max(Chars.Length * 2, Length + more)];
                Chars.AsSpan(0, Length).CopyTo(bigger);
                Chars = bigger;
            }
        }
    }

    private static int IndexOfOrdinal(IReadOnlyList<string> names, string name)
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

    private static int IndexOfSideChannel(IReadOnlyList<SideChannel> channels, string name)
    {
        for (int i = 0; i < channels.Count; i++)
        {
            if (string.Equals(channels[i].Name, name, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}
