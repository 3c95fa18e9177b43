using System.Globalization;
using Sieve.Core.Events;
using Sieve.IO.Internal;

namespace Sieve.IO.DarkMachines;

/// <summary>
/// Writes events in the DarkMachines CSV format (see <see cref="DarkMachinesFormat"/>), converting
/// E, pt and MET from GeV back to MeV, one event per line with the trailing ';' and LF endings.
/// </summary>
/// <remarks>
/// Numbers round-trip: <see cref="DarkMachinesReader"/> reading the written text gives back the
/// same doubles bit for bit (for every value the reader can produce), written as the shortest
/// text found that does so. The exponent marker is written as 'e', as in the challenge files.
/// The written text is not byte-identical to the challenge files, which use C's 6-digit "%g"
/// (e.g. "1.06946e+06" comes back as "1069460").
/// </remarks>
public static class DarkMachinesWriter
{
    /// <summary>How many neighbouring MeV doubles to try when no simple text round-trips.</summary>
    private const int NeighbourSteps = 4;

    /// <summary>Writes all events to <paramref name="path"/> atomically (temp file, then rename); returns the event count.</summary>
    public static long Write(string path, IEnumerable<Event> events)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(events);
        long count = 0;
        AtomicFile.WriteText(path, writer => count = Write(writer, events));
        return count;
    }

    /// <summary>Writes all events to <paramref name="writer"/> (LF line endings); returns the event count.</summary>
    public static long Write(TextWriter writer, IEnumerable<Event> events)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(events);
        long count = 0;
        foreach (Event e in events)
        {
            WriteEvent(writer, e);
            count++;
        }

        return count;
    }

    /// <summary>Writes one event as one line, trailing ';' and '\n' included.</summary>
    public static void WriteEvent(TextWriter writer, Event e)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(e);
        WriteIdentifier(writer, e.Id, nameof(Event.Id));
        WriteIdentifier(writer, e.ProcessId, nameof(Event.ProcessId));
        WriteNumber(writer, e.Weight, nameof(Event.Weight));
        writer.Write(DarkMachinesFormat.FieldSeparator);
        WriteMev(writer, e.Met, nameof(Event.Met));
        writer.Write(DarkMachinesFormat.FieldSeparator);
        WriteNumber(writer, e.MetPhi, nameof(Event.MetPhi));
        writer.Write(DarkMachinesFormat.FieldSeparator);
        foreach (PhysicsObject o in e.Objects)
        {
            writer.Write(o.Kind.Code());
            writer.Write(DarkMachinesFormat.ObjectFieldSeparator);
            WriteMev(writer, o.E, nameof(PhysicsObject.E));
            writer.Write(DarkMachinesFormat.ObjectFieldSeparator);
            WriteMev(writer, o.Pt, nameof(PhysicsObject.Pt));
            writer.Write(DarkMachinesFormat.ObjectFieldSeparator);
            WriteNumber(writer, o.Eta, nameof(PhysicsObject.Eta));
            writer.Write(DarkMachinesFormat.ObjectFieldSeparator);
            WriteNumber(writer, o.Phi, nameof(PhysicsObject.Phi));
            writer.Write(DarkMachinesFormat.FieldSeparator);
        }

        writer.Write('\n');
    }

    /// <summary>
    /// Text for a GeV value in MeV that the reader turns back into exactly <paramref name="gev"/>.
    /// Tries "G15" of gev * 1000 first: it drops the rounding noise of the multiplication (e.g.
    /// 832.841 * 1000 = 832841.0000000001 becomes "832841"), then "R" (shortest text of the
    /// product), then the product's neighbouring doubles. Values that came from the reader always
    /// have an exact answer (the MeV double they were divided from); for arbitrary values, e.g. a
    /// reconstruction, division by 1000 cannot reach every double and the closest text is used
    /// (at most a few ulp off).
    /// </summary>
    public static string FormatMev(double gev)
    {
        double mev = gev * DarkMachinesFormat.MevPerGev;
        string text = mev.ToString("G15", CultureInfo.InvariantCulture);
        if (ReadsBackAs(text, gev))
        {
            return Lower(text);
        }

        string shortest = mev.ToString("R", CultureInfo.InvariantCulture);
        if (ReadsBackAs(shortest, gev))
        {
            return Lower(shortest);
        }

        double up = mev, down = mev;
        for (int step = 0; step < NeighbourSteps; step++)
        {
            up = Math.BitIncrement(up);
            down = Math.BitDecrement(down);
            foreach (double candidate in (ReadOnlySpan<double>)[up, down])
            {
                string t = candidate.ToString("R", CultureInfo.InvariantCulture);
                if (ReadsBackAs(t, gev))
                {
                    return Lower(t);
                }
            }
        }

        return Lower(shortest);
    }

    private static bool ReadsBackAs(string mevText, double gev) =>
        double.Parse(mevText, NumberStyles.Float, CultureInfo.InvariantCulture) / DarkMachinesFormat.MevPerGev == gev;

    private static string Lower(string text) => text.Replace('E', 'e');

    private static void WriteMev(TextWriter writer, double gev, string name)
    {
        RequireFinite(gev, name);

        // The common case of FormatMev without allocating: "G15" of the product reads back exactly.
        Span<char> buffer = stackalloc char[32];
        double mev = gev * DarkMachinesFormat.MevPerGev;
        if (mev.TryFormat(buffer, out int written, "G15", CultureInfo.InvariantCulture)
            && double.Parse(buffer[..written], NumberStyles.Float, CultureInfo.InvariantCulture) / DarkMachinesFormat.MevPerGev == gev)
        {
            Span<char> text = buffer[..written];
            text.Replace('E', 'e');
            writer.Write(text);
            return;
        }

        writer.Write(FormatMev(gev));
    }

    private static void WriteNumber(TextWriter writer, double value, string name)
    {
        RequireFinite(value, name);
        NumberText.Write(writer, value, "R");
    }

    /// <summary>The reader rejects NaN and infinity, so writing them would make an unreadable file.</summary>
    private static void RequireFinite(double value, string name)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentException($"{name} is {value}; the DarkMachines format holds finite numbers only.", name);
        }
    }

    /// <summary>Ids are written verbatim; a separator or line break inside would corrupt the line.</summary>
    private static void WriteIdentifier(TextWriter writer, string value, string name)
    {
        if (string.IsNullOrWhiteSpace(value) || value.AsSpan().IndexOfAny(";\r\n") >= 0)
        {
            throw new ArgumentException($"{name} '{value}' is empty or contains ';' or a line break; it cannot be written verbatim.", name);
        }

        writer.Write(value);
        writer.Write(DarkMachinesFormat.FieldSeparator);
    }
}
