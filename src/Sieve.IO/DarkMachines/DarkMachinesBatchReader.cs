using System.Text;
using Sieve.Core.Events;
using Sieve.IO.Internal;

namespace Sieve.IO.DarkMachines;

/// <summary>
/// The fast DarkMachines reader: parses UTF-8 bytes straight into columnar <see cref="EventBatch"/>es
/// (no string per line, no object per event), in bounded memory. It accepts exactly what
/// <see cref="DarkMachinesReader"/> accepts and gives the same numbers: a line the fast path does
/// not recognise (anything unusual, and every malformed line) is handed to that reader's parser,
/// which either reads it or throws its precise error with file, line and field.
/// </summary>
public static class DarkMachinesBatchReader
{
    private const int BufferSize = 1 << 20;

    /// <summary>Streams batches of at most <paramref name="eventsPerBatch"/> events, reporting the bytes read so far to <paramref name="bytesRead"/>.</summary>
    public static IEnumerable<EventBatch> Read(string path, int eventsPerBatch = 65536, IProgress<long>? bytesRead = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentOutOfRangeException.ThrowIfLessThan(eventsPerBatch, 1);
        return ReadFile(path, eventsPerBatch, bytesRead);
    }

    private static IEnumerable<EventBatch> ReadFile(string path, int eventsPerBatch, IProgress<long>? bytesRead)
    {
        using Stream stream = ProgressStream.Wrap(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan), bytesRead);
        byte[] buffer = new byte[BufferSize];
        int start = 0, end = 0;
        long lineNumber = 0, firstBlankLine = 0;
        bool eof = false, first = true;
        var state = new LineParser(path);
        var batch = new EventBatch();
        while (true)
        {
            int newline = buffer.AsSpan(start, end - start).IndexOf((byte)'\n');
            if (newline < 0 && !eof)
            {
                // Keep the partial line, refill behind it (grow for lines longer than the buffer).
                int remaining = end - start;
                if (remaining == buffer.Length)
                {
                    Array.Resize(ref buffer, buffer.Length * 2);
                }
                else
                {
                    Buffer.BlockCopy(buffer, start, buffer, 0, remaining);
                }

                start = 0;
                end = remaining;
                int read = stream.Read(buffer, end, buffer.Length - end);
                if (read == 0)
                {
                    eof = true;
                }

                end += read;
                if (first && end >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF)
                {
                    start = 3; // UTF-8 byte-order mark, as StreamReader skips it
                }

                first = false;
                continue;
            }

            if (newline < 0 && start == end)
            {
                break;
            }

            int length = newline < 0 ? end - start : newline;
            ReadOnlySpan<byte> line = buffer.AsSpan(start, length);
            start += newline < 0 ? length : length + 1;
            if (line.Length > 0 && line[^1] == (byte)'\r')
            {
                line = line[..^1];
            }

            lineNumber++;
            string? slow = null;
            if (IsWhitespace(line) || (line.ContainsAnyInRange((byte)0x80, (byte)0xFF) && string.IsNullOrWhiteSpace(slow = Encoding.UTF8.GetString(line))))
            {
                firstBlankLine = firstBlankLine == 0 ? lineNumber : firstBlankLine;
                continue;
            }

            if (firstBlankLine != 0)
            {
                throw DarkMachinesReader.BlankLineBeforeEvents(path, firstBlankLine);
            }

            if (!state.TryParse(line, batch))
            {
                batch.Add(DarkMachinesReader.ParseLine(slow ?? Encoding.UTF8.GetString(line), path, lineNumber));
            }

            if (batch.EventCount >= eventsPerBatch)
            {
                yield return batch;
                batch = new EventBatch();
            }
        }

        if (batch.EventCount > 0 || lineNumber == 0)
        {
            yield return batch;
        }
    }

    private static bool IsWhitespace(ReadOnlySpan<byte> line)
    {
        foreach (byte b in line)
        {
            if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\v' or (byte)'\f'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The happy path of one line; false (and nothing added) when anything is unusual.</summary>
    private sealed class LineParser(string file)
    {
        private byte[] lastId = [];
        private string lastIdText = string.Empty;
        private byte[] lastProcess = [];
        private string lastProcessText = string.Empty;

        public string File { get; } = file;

        public bool TryParse(ReadOnlySpan<byte> line, EventBatch batch)
        {
            if (line[^1] == (byte)';')
            {
                line = line[..^1];
            }

            if (!Next(ref line, (byte)';', out ReadOnlySpan<byte> id) || !Plain(id)
                || !Next(ref line, (byte)';', out ReadOnlySpan<byte> process) || !Plain(process)
                || !Number(ref line, (byte)';', out double weight)
                || !Number(ref line, (byte)';', out double met)
                || !NumberLast(ref line, (byte)';', out double metPhi, out bool moreFields))
            {
                return false;
            }

            int objects = 0;
            Span<byte> kinds = stackalloc byte[64];
            Span<double> values = stackalloc double[64 * 4];
            while (moreFields)
            {
                if (objects == 64)
                {
                    return false; // unusually many objects: the line reader handles them
                }

                int end = line.IndexOf((byte)';');
                ReadOnlySpan<byte> obj = end < 0 ? line : line[..end];
                line = end < 0 ? [] : line[(end + 1)..];
                moreFields = end >= 0;
                if (!Object(obj, out kinds[objects], values.Slice(objects * 4, 4)))
                {
                    return false;
                }

                objects++;
            }

            batch.AddEvent(Text(id, ref lastId, ref lastIdText), Text(process, ref lastProcess, ref lastProcessText), weight, met / DarkMachinesFormat.MevPerGev, metPhi);
            for (int k = 0; k < objects; k++)
            {
                batch.AddObject((ObjectKind)kinds[k], values[k * 4] / DarkMachinesFormat.MevPerGev, values[(k * 4) + 1] / DarkMachinesFormat.MevPerGev, values[(k * 4) + 2], values[(k * 4) + 3]);
            }

            return true;
        }

        private static bool Object(ReadOnlySpan<byte> text, out byte kind, Span<double> values)
        {
            kind = 0;
            int comma = text.IndexOf((byte)',');
            if (comma <= 0 || !Code(text[..comma], out kind))
            {
                return false;
            }

            text = text[(comma + 1)..];
            for (int i = 0; i < 3; i++)
            {
                int at = text.IndexOf((byte)',');
                if (at < 0 || !Finite(text[..at], out values[i]))
                {
                    return false;
                }

                text = text[(at + 1)..];
            }

            return text.IndexOf((byte)',') < 0 && Finite(text, out values[3]);
        }

        private static bool Code(ReadOnlySpan<byte> code, out byte kind)
        {
            kind = 0;
            ObjectKind k;
            switch (code.Length)
            {
                case 1 when code[0] == (byte)'j': k = ObjectKind.Jet; break;
                case 1 when code[0] == (byte)'b': k = ObjectKind.BJet; break;
                case 1 when code[0] == (byte)'g': k = ObjectKind.Photon; break;
                case 1 when code[0] == (byte)'h': k = ObjectKind.Hadron; break;
                case 2 when code[0] == (byte)'e' && code[1] == (byte)'-': k = ObjectKind.ElectronMinus; break;
                case 2 when code[0] == (byte)'e' && code[1] == (byte)'+': k = ObjectKind.ElectronPlus; break;
                case 2 when code[0] == (byte)'m' && code[1] == (byte)'-': k = ObjectKind.MuonMinus; break;
                case 2 when code[0] == (byte)'m' && code[1] == (byte)'+': k = ObjectKind.MuonPlus; break;
                default: return false;
            }

            kind = (byte)k;
            return true;
        }

        private static bool Next(ref ReadOnlySpan<byte> rest, byte separator, out ReadOnlySpan<byte> field)
        {
            int at = rest.IndexOf(separator);
            if (at < 0)
            {
                field = default;
                return false;
            }

            field = rest[..at];
            rest = rest[(at + 1)..];
            return true;
        }

        private static bool Number(ref ReadOnlySpan<byte> rest, byte separator, out double value)
        {
            value = 0;
            return Next(ref rest, separator, out ReadOnlySpan<byte> field) && Finite(field, out value);
        }

        private static bool NumberLast(ref ReadOnlySpan<byte> rest, byte separator, out double value, out bool more)
        {
            int at = rest.IndexOf(separator);
            more = at >= 0;
            ReadOnlySpan<byte> field = more ? rest[..at] : rest;
            rest = more ? rest[(at + 1)..] : [];
            return Finite(field, out value);
        }

        private static bool Finite(ReadOnlySpan<byte> text, out double value) =>
            FastDouble.TryParse(text, out value) && double.IsFinite(value);

        // Identifiers the fast path takes: non-empty printable ASCII without spaces.
        private static bool Plain(ReadOnlySpan<byte> text)
        {
            if (text.IsEmpty)
            {
                return false;
            }

            foreach (byte b in text)
            {
                if (b <= (byte)' ' || b >= 0x7F)
                {
                    return false;
                }
            }

            return true;
        }

        // Files repeat ids and process names line after line: reuse the last string when the bytes match.
        private static string Text(ReadOnlySpan<byte> bytes, ref byte[] last, ref string lastText)
        {
            if (!bytes.SequenceEqual(last))
            {
                last = bytes.ToArray();
                lastText = Encoding.ASCII.GetString(bytes);
            }

            return lastText;
        }
    }
}
