using Sieve.Core.Errors;
using Sieve.Core.Events;
using Sieve.IO.Generators.Internal;

namespace Sieve.IO.Generators;

/// <summary>
/// Streams the events of a HepMC3 ASCII file (Asciiv3 dialect; <c>.hepmc3</c>, <c>.hepmc</c>,
/// plain or gzip), one event at a time.
/// </summary>
/// <remarks>
/// <para>Layout: <c>HepMC::Version x.y.z</c>, <c>HepMC::Asciiv3-START_EVENT_LISTING</c>, optional
/// run lines (<c>W</c> weight names, <c>N</c>, <c>T</c> tools, <c>A</c>), then per event
/// <c>E number vertices particles [@ x y z t]</c>, an optional <c>U</c> units line
/// (<c>GEV</c>|<c>MEV</c> <c>MM</c>|<c>CM</c>), <c>W</c> weights, <c>A</c> attributes,
/// <c>P id parent pdg px py pz e m status</c> particle lines and <c>V</c> vertex lines; the file
/// ends with <c>HepMC::Asciiv3-END_EVENT_LISTING</c>.</para>
/// <para>Mapping: momenta, energies and masses in MeV are divided by 1000 (GeV in
/// <see cref="GeneratorParticle"/>); without a <c>U</c> line HepMC3's default GeV is assumed.
/// The weight is the first value of the event's <c>W</c> line, 1 without one. Attributes and
/// vertices are skipped (their content is not needed for final-state particles). The event id
/// is HepMC3's event number; the process id is empty.</para>
/// <para>Strictness: the number of <c>P</c> lines must equal the count on the <c>E</c> line and
/// particle ids must run 1, 2, 3, ... (a lost line is an error, not a missing particle); a
/// missing end marker (truncated file), a HepMC2 <c>IO_GenEvent</c> file and a file without
/// events are errors, each a <see cref="SieveDataException"/> with file and line.</para>
/// </remarks>
public static class HepMC3Reader
{
    /// <summary>Reads the events of a file lazily; the file is opened on the first MoveNext.</summary>
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
        var parser = new HepMC3EventParser(source);
        bool listing = false;
        bool ended = false;
        long count = 0;
        while (parser.Peek() is { } line)
        {
            ReadOnlySpan<char> text = line.AsSpan().Trim();
            if (text.StartsWith(HepMC3EventParser.StartMarker, StringComparison.Ordinal))
            {
                parser.Consume();
                listing = true;
                ended = false;
            }
            else if (text.StartsWith(HepMC3EventParser.EndMarker, StringComparison.Ordinal))
            {
                parser.Consume();
                RequireListing(listing, source);
                listing = false;
                ended = true;
            }
            else if (text.StartsWith("HepMC::IO_GenEvent", StringComparison.Ordinal))
            {
                parser.Consume();
                throw source.Error(null, "HepMC2 IO_GenEvent format is not supported", "HepMC3 Asciiv3 (HepMC::Asciiv3-START_EVENT_LISTING); convert with HepMC3's convert_example");
            }
            else if (text.IsEmpty || text.StartsWith("HepMC::", StringComparison.Ordinal))
            {
                parser.Consume(); // version line, blank lines
            }
            else if (text.StartsWith("E ", StringComparison.Ordinal) || text.SequenceEqual("E"))
            {
                RequireListing(listing, source);
                count++;
                yield return parser.ParseEvent();
            }
            else if (listing && count == 0 && text.Length > 1 && text[1] == ' ' && text[0] is 'W' or 'N' or 'T' or 'A' or 'C')
            {
                parser.Consume(); // run information before the first event
            }
            else
            {
                parser.Consume();
                throw source.Error(null, $"unexpected line {IO.Internal.NumberText.Quote(text)}",
                    listing ? "an E line starting an event, or the end marker" : HepMC3EventParser.StartMarker);
            }
        }

        if (count == 0)
        {
            throw new SieveDataException(source.File, source.LineNumber, null, "no events (no E lines)", "a HepMC3 Asciiv3 file with at least one event");
        }

        if (!ended || listing)
        {
            throw new SieveDataException(source.File, source.LineNumber, null, "file ends without " + HepMC3EventParser.EndMarker,
                "the end marker after the last event (the file may be truncated)");
        }
    }

    private static void RequireListing(bool listing, LineSource source)
    {
        if (!listing)
        {
            throw source.Error(null, "event data outside an event listing", HepMC3EventParser.StartMarker + " first");
        }
    }
}
