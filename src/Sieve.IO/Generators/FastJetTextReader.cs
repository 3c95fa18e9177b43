using Sieve.Core.Events;
using Sieve.IO.Generators.Internal;

namespace Sieve.IO.Generators;

/// <summary>
/// Streams the events of a FastJet example text file: one particle per line <c>px py pz E</c>
/// (GeV), a line starting with <c>#END</c> after each event. Columns after the fourth (a b-tag
/// flag in some example files) are ignored.
/// </summary>
/// <remarks>
/// Other lines starting with <c>#</c> are comments and blank lines are skipped. Particles after
/// the last <c>#END</c> form a final event (FastJet's <c>single-event.dat</c> has no marker at
/// all); two markers in a row give an event without particles. A file with neither particles
/// nor markers is an error. The format carries no PDG id,
/// status, weight or event number: particles get PDG id 0 and status 1 (the files list
/// final-state particles), the mass is computed as sqrt(max(E^2 - p^2, 0)), the weight is 1 and
/// the event id is the 1-based position in the file.
/// </remarks>
public static class FastJetTextReader
{
    private const string ParticleLayout = "px py pz E";

    /// <summary>Reads the events of a file (plain or gzip) lazily; the file is opened on the first MoveNext.</summary>
    public static IEnumerable<GeneratorEvent> Read(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return LineSource.ReadFile(path, ReadEvents);
    }

    /// <summary>Reads the events from <paramref name="reader"/> lazily; the caller keeps ownership of it.</summary>
    public static IEnumerable<GeneratorEvent> Read(TextReader reader, string displayName)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(displayName);
        return ReadEvents(LineSource.Wrap(reader, displayName));
    }


    private static IEnumerable<GeneratorEvent> ReadEvents(LineSource source)
    {
        var particles = new List<GeneratorParticle>();
        long count = 0;
        while (source.ReadLine() is { } line)
        {
            ReadOnlySpan<char> text = line.AsSpan().Trim();
            if (text.StartsWith("#END", StringComparison.Ordinal))
            {
                count++;
                yield return new GeneratorEvent(count, string.Empty, 1.0, particles.ToArray());
                particles.Clear();
                continue;
            }

            if (text.IsEmpty || text.StartsWith("#", StringComparison.Ordinal))
            {
                continue;
            }

            particles.Add(ParseParticle(text, source));
        }

        if (particles.Count > 0)
        {
            yield return new GeneratorEvent(count + 1, string.Empty, 1.0, particles.ToArray());
        }
        else if (count == 0)
        {
            throw new Sieve.Core.Errors.SieveDataException(source.File, source.LineNumber, null, "no events: no particle lines and no #END marker",
                "lines 'px py pz E', with '#END' after each event");
        }
    }

    private static GeneratorParticle ParseParticle(ReadOnlySpan<char> text, LineSource source)
    {
        Span<Range> buffer = stackalloc Range[Fields.BufferLength];
        var f = new Fields(text, source, buffer);
        // Some FastJet example files carry extra columns after the four-momentum (a b-tag flag
        // in HZ-event-Hmass115.dat); FastJet's own examples read the first four and so do we.
        if (f.Count < 4)
        {
            f.RequireCount(4, "particle line", ParticleLayout);
        }
        double px = f.Double(0, "px");
        double py = f.Double(1, "py");
        double pz = f.Double(2, "pz");
        double e = f.Double(3, "E");
        double m2 = (e * e) - ((px * px) + (py * py) + (pz * pz));
        return new GeneratorParticle(0, GeneratorParticle.FinalStateStatus, px, py, pz, e, m2 > 0 ? Math.Sqrt(m2) : 0.0);
    }
}
