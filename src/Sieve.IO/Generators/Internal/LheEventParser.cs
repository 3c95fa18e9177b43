using System.Globalization;
using Sieve.Core.Errors;
using Sieve.Core.Events;

namespace Sieve.IO.Generators.Internal;

/// <summary>Parses one LHE <c>&lt;event&gt;</c> block, from the line after the opening tag through <c>&lt;/event&gt;</c>.</summary>
internal static class LheEventParser
{
    private const string EventLayout = "NUP IDPRUP XWGTUP SCALUP AQEDUP AQCDUP";
    private const string ParticleLayout = "IDUP ISTUP MOTHUP1 MOTHUP2 ICOLUP1 ICOLUP2 PUP1 PUP2 PUP3 PUP4 PUP5 VTIMUP SPINUP";
    private const int ParticleFieldCount = 13;

    /// <summary>Generous bound on NUP, so a corrupt count cannot ask for unbounded memory.</summary>
    private const int MaxParticles = 1_000_000;

    /// <summary>Parses the event; <paramref name="ordinal"/> (1-based) becomes its id.</summary>
    public static GeneratorEvent Parse(LineSource source, long ordinal)
    {
        long start = source.LineNumber;
        Span<Range> buffer = stackalloc Range[Fields.BufferLength];

        string line = source.ReadLine() ?? throw Truncated(source, start);
        if (IsMarkup(line.AsSpan().Trim()))
        {
            throw source.Error(null, "event has no header line", EventLayout);
        }

        var header = new Fields(line, source, buffer);
        header.RequireCount(6, "the event header line", EventLayout);
        int nup = header.Int(0, "NUP", 1, MaxParticles);
        int idprup = header.Int(1, "IDPRUP");
        double weight = header.Double(2, "XWGTUP");
        _ = header.Double(3, "SCALUP");
        _ = header.Double(4, "AQEDUP");
        _ = header.Double(5, "AQCDUP");

        var particles = new GeneratorParticle[nup];
        for (int k = 0; k < nup; k++)
        {
            line = source.ReadLine() ?? throw Truncated(source, start);
            if (IsMarkup(line.AsSpan().Trim()))
            {
                throw source.Error("NUP", $"event declares NUP = {nup} but has only {k} particle line(s)", $"{nup} particle lines after the header line");
            }

            particles[k] = ParseParticle(new Fields(line, source, buffer));
        }

        SkipToEnd(source, start, nup, buffer);
        return new GeneratorEvent(ordinal, idprup.ToString(CultureInfo.InvariantCulture), weight, particles);
    }

    private static GeneratorParticle ParseParticle(Fields f)
    {
        f.RequireCount(ParticleFieldCount, "particle line", ParticleLayout);
        int pdg = f.Int(0, "IDUP");
        int status = f.Int(1, "ISTUP");
        for (int k = 2; k < 6; k++)
        {
            _ = f.Int(k, k switch { 2 => "MOTHUP1", 3 => "MOTHUP2", 4 => "ICOLUP1", _ => "ICOLUP2" });
        }

        double px = f.Double(6, "PUP1");
        double py = f.Double(7, "PUP2");
        double pz = f.Double(8, "PUP3");
        double e = f.Double(9, "PUP4");
        double m = f.Double(10, "PUP5");
        _ = f.Double(11, "VTIMUP");
        _ = f.Double(12, "SPINUP");
        return new GeneratorParticle(pdg, status, px, py, pz, e, m);
    }

    /// <summary>
    /// Skips optional lines up to <c>&lt;/event&gt;</c>. A bare line of 13 fields outside any
    /// optional block is one particle line too many, which means NUP is wrong: an error, since
    /// the particle would otherwise be dropped. Numbers inside optional blocks (e.g. the LHE 2
    /// <c>&lt;weights&gt;</c> block) are skipped by tracking the block depth.
    /// </summary>
    private static void SkipToEnd(LineSource source, long start, int nup, Span<Range> buffer)
    {
        int depth = 0;
        while (true)
        {
            string line = source.ReadLine() ?? throw Truncated(source, start);
            ReadOnlySpan<char> text = line.AsSpan().Trim();
            if (LheReader.IsTag(text, "</event"))
            {
                return;
            }

            if (LheReader.IsTag(text, "<event") || LheReader.IsTag(text, "</LesHouchesEvents"))
            {
                throw source.Error(null, $"<event> opened at line {start} is not closed", "</event> before the next tag");
            }

            if (text.StartsWith("</", StringComparison.Ordinal))
            {
                depth = Math.Max(0, depth - 1);
            }
            else if (text.StartsWith("<", StringComparison.Ordinal))
            {
                // An opening tag without its closing tag on the same line starts a block.
                if (!text.EndsWith("/>", StringComparison.Ordinal) && text.IndexOf("</", StringComparison.Ordinal) < 0)
                {
                    depth++;
                }
            }
            else if (depth == 0 && !text.StartsWith("#", StringComparison.Ordinal)
                && new Fields(text, source, buffer).Count == ParticleFieldCount)
            {
                throw source.Error("NUP", $"event declares NUP = {nup} but has more particle lines", $"exactly {nup} particle lines");
            }
        }
    }

    private static bool IsMarkup(ReadOnlySpan<char> text) =>
        text.IsEmpty || text.StartsWith("<", StringComparison.Ordinal) || text.StartsWith("#", StringComparison.Ordinal);

    private static SieveDataException Truncated(LineSource source, long start) =>
        source.Error(null, $"file ends inside the <event> block opened at line {start}", "</event> (the file may be truncated)");
}
