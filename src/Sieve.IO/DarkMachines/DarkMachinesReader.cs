using Sieve.Core.Errors;
using Sieve.Core.Events;
using Sieve.IO.Internal;

namespace Sieve.IO.DarkMachines;

/// <summary>
/// Streams events from a DarkMachines CSV file (see <see cref="DarkMachinesFormat"/>), one line
/// at a time, so files larger than memory can be compressed.
/// </summary>
/// <remarks>
/// Units: E, pt and MET are converted from MeV (file) to GeV (<see cref="Event"/>) on read,
/// GeV = MeV / <see cref="DarkMachinesFormat.MevPerGev"/>; every other number is unchanged.
/// Lines may end with or without the trailing ';', with LF or CRLF. Empty lines at the end of
/// the file are ignored; an empty line followed by more events is an error, because it usually
/// means two files were glued together or a line was lost. Event ids are kept verbatim and are
/// not required to be unique (the challenge files reuse them). Any malformed line throws
/// <see cref="SieveDataException"/> with file, 1-based line, field and what was expected.
/// </remarks>
public static class DarkMachinesReader
{
    private const string ExpectedHeader = "eventID;processID;weight;MET;METphi before the objects";
    private const string ExpectedObject = "5 comma-separated fields: code,E,pt,eta,phi";

    /// <summary>Reads the events of a file lazily; the file is opened on the first MoveNext.</summary>
    public static IEnumerable<Event> Read(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return ReadFile(path);
    }

    /// <summary>
    /// Reads the events from <paramref name="reader"/> lazily; <paramref name="displayName"/>
    /// names the source in error messages. The caller keeps ownership of the reader.
    /// </summary>
    public static IEnumerable<Event> Read(TextReader reader, string displayName)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(displayName);
        return ReadLines(reader, displayName);
    }

    private static IEnumerable<Event> ReadFile(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        using var reader = new StreamReader(stream);
        foreach (Event e in ReadLines(reader, path))
        {
            yield return e;
        }
    }

    private static IEnumerable<Event> ReadLines(TextReader reader, string file)
    {
        long lineNumber = 0;
        long firstBlankLine = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                // Only allowed at the end; remember where the run of blank lines started.
                if (firstBlankLine == 0)
                {
                    firstBlankLine = lineNumber;
                }

                continue;
            }

            if (firstBlankLine != 0)
            {
                throw BlankLineBeforeEvents(file, firstBlankLine);
            }

            yield return ParseLine(line, file, lineNumber);
        }
    }

    /// <summary>The error for a blank line followed by more events (shared with the batch reader).</summary>
    internal static SieveDataException BlankLineBeforeEvents(string file, long line) =>
        new(file, line, null, "empty line before more events", "one event per line; empty lines only at the end of the file");

    /// <summary>Parses one non-empty line into an event.</summary>
    internal static Event ParseLine(ReadOnlySpan<char> line, string file, long lineNumber)
    {
        if (line.EndsWith(DarkMachinesFormat.FieldSeparator))
        {
            line = line[..^1];
        }

        // Count the fields first so a short line is reported as such, not as a bad number.
        int fieldCount = line.Count(DarkMachinesFormat.FieldSeparator) + 1;
        if (fieldCount < DarkMachinesFormat.HeaderFieldCount)
        {
            throw new SieveDataException(file, lineNumber, DarkMachinesFormat.HeaderFieldNames[fieldCount],
                $"line has only {fieldCount} ';'-separated field(s)", ExpectedHeader);
        }

        ReadOnlySpan<char> rest = line;
        string id = NextField(ref rest, DarkMachinesFormat.FieldSeparator).ToString();
        string processId = NextField(ref rest, DarkMachinesFormat.FieldSeparator).ToString();
        RequireText(id, file, lineNumber, "eventID");
        RequireText(processId, file, lineNumber, "processID");
        double weight = NumberText.ParseFinite(NextField(ref rest, DarkMachinesFormat.FieldSeparator), file, lineNumber, "weight");
        double met = NumberText.ParseFinite(NextField(ref rest, DarkMachinesFormat.FieldSeparator), file, lineNumber, "MET") / DarkMachinesFormat.MevPerGev;
        double metPhi = NumberText.ParseFinite(NextField(ref rest, DarkMachinesFormat.FieldSeparator), file, lineNumber, "METphi");

        int objectCount = fieldCount - DarkMachinesFormat.HeaderFieldCount;
        var objects = new PhysicsObject[objectCount];
        for (int k = 0; k < objectCount; k++)
        {
            objects[k] = ParseObject(NextField(ref rest, DarkMachinesFormat.FieldSeparator), file, lineNumber, k + 1);
        }

        return new Event(id, processId, weight, met, metPhi, objects);
    }

    /// <summary>Parses <c>code,E,pt,eta,phi</c>; <paramref name="number"/> is 1-based for messages.</summary>
    private static PhysicsObject ParseObject(ReadOnlySpan<char> text, string file, long lineNumber, int number)
    {
        int parts = text.Count(DarkMachinesFormat.ObjectFieldSeparator) + 1;
        if (parts != DarkMachinesFormat.ObjectFieldCount)
        {
            throw new SieveDataException(file, lineNumber, $"object {number}",
                $"object {NumberText.Quote(text)} has {parts} field(s)", ExpectedObject);
        }

        ReadOnlySpan<char> code = NextField(ref text, DarkMachinesFormat.ObjectFieldSeparator);
        if (!ObjectKinds.TryParseCode(code, out ObjectKind kind))
        {
            throw new SieveDataException(file, lineNumber, $"object {number} (code)",
                $"unknown object code {NumberText.Quote(code)}", "one of j b e- e+ m- m+ g (or h, Sieve's generator-level hadron)");
        }

        double e = ParseObjectNumber(ref text, file, lineNumber, number, "E") / DarkMachinesFormat.MevPerGev;
        double pt = ParseObjectNumber(ref text, file, lineNumber, number, "pt") / DarkMachinesFormat.MevPerGev;
        double eta = ParseObjectNumber(ref text, file, lineNumber, number, "eta");
        double phi = ParseObjectNumber(ref text, file, lineNumber, number, "phi");
        return new PhysicsObject(kind, e, pt, eta, phi);
    }

    private static double ParseObjectNumber(ref ReadOnlySpan<char> rest, string file, long lineNumber, int number, string name) =>
        NumberText.ParseFinite(NextField(ref rest, DarkMachinesFormat.ObjectFieldSeparator), file, lineNumber, $"object {number} ({name})");

    private static void RequireText(string value, string file, long lineNumber, string field)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new SieveDataException(file, lineNumber, field, "empty identifier", "non-empty text");
        }
    }

    /// <summary>Returns the text up to the next separator (or the end) and advances past it.</summary>
    private static ReadOnlySpan<char> NextField(ref ReadOnlySpan<char> rest, char separator)
    {
        int at = rest.IndexOf(separator);
        if (at < 0)
        {
            ReadOnlySpan<char> last = rest;
            rest = [];
            return last;
        }

        ReadOnlySpan<char> field = rest[..at];
        rest = rest[(at + 1)..];
        return field;
    }
}
