using Sieve.Core.Events;

namespace Sieve.IO.Generators.Internal;

/// <summary>
/// Parses HepMC3 Asciiv3 events. An event has no closing line (it ends where the next
/// <c>E</c> line or the end marker begins), so the parser keeps one line of look-ahead.
/// </summary>
internal sealed class HepMC3EventParser
{
    public const string StartMarker = "HepMC::Asciiv3-START_EVENT_LISTING";
    public const string EndMarker = "HepMC::Asciiv3-END_EVENT_LISTING";

    private const string EventLayout = "E number vertices particles [@ x y z t]";
    private const string ParticleLayout = "P id parent pdg px py pz e m status";
    private const double MevPerGev = 1000.0;

    /// <summary>Generous bound on the particle count, so a corrupt count cannot ask for unbounded memory.</summary>
    private const int MaxParticles = 10_000_000;

    private readonly LineSource source;
    private string? lookahead;
    private bool hasLookahead;

    public HepMC3EventParser(LineSource source) => this.source = source;

    /// <summary>The next line without consuming it; null at the end.</summary>
    public string? Peek()
    {
        if (!hasLookahead)
        {
            lookahead = source.ReadLine();
            hasLookahead = true;
        }

        return lookahead;
    }

    /// <summary>Consumes the line returned by <see cref="Peek"/>.</summary>
    public void Consume() => hasLookahead = false;

    /// <summary>Parses the event whose <c>E</c> line is the current look-ahead line.</summary>
    public GeneratorEvent ParseEvent()
    {
        Span<Range> buffer = stackalloc Range[Fields.BufferLength];
        string line = Peek()!;
        Consume();
        long eventLine = source.LineNumber;
        var header = new Fields(line, source, buffer);
        if (header.Count < 4 || (header.Count > 4 && (header.Count != 9 || !header[4].SequenceEqual("@"))))
        {
            throw source.Error(null, $"E line has {header.Count} field(s)", EventLayout);
        }

        long number = header.Long(1, "event number");
        _ = header.Int(2, "vertices", 0, int.MaxValue);
        int declared = header.Int(3, "particles", 0, MaxParticles);

        double divisor = 1.0;
        double weight = 1.0;
        var particles = new List<GeneratorParticle>(Math.Min(declared, 4096));
        while (Peek() is { } next)
        {
            ReadOnlySpan<char> text = next.AsSpan().Trim();
            if (text.IsEmpty)
            {
                Consume();
                continue;
            }

            if (text.StartsWith("E ", StringComparison.Ordinal) || text.StartsWith("HepMC::", StringComparison.Ordinal))
            {
                break;
            }

            Consume();
            var f = new Fields(text, source, buffer);
            switch (text[0])
            {
                case 'U' when f.Count == 3 && f[0].SequenceEqual("U"):
                    divisor = ParseUnits(f);
                    break;
                case 'W' when f[0].SequenceEqual("W"):
                    weight = f.Count > 1 ? f.Double(1, "weight 1") : 1.0;
                    break;
                case 'A' when f[0].SequenceEqual("A"):
                case 'V' when f[0].SequenceEqual("V"):
                    break; // attributes and vertices: not needed for final-state particles
                case 'P' when f[0].SequenceEqual("P"):
                    particles.Add(ParseParticle(f, particles.Count + 1, declared, divisor));
                    break;
                default:
                    throw source.Error(null, $"unexpected line {IO.Internal.NumberText.Quote(text)} in event {number}",
                        "a U, W, A, P or V line (U with 2 fields)");
            }
        }

        if (particles.Count != declared)
        {
            throw new Sieve.Core.Errors.SieveDataException(source.File, eventLine, "particles",
                $"E line declares {declared} particle(s) but the event has {particles.Count} P line(s)", "one P line per declared particle");
        }

        return new GeneratorEvent(number, string.Empty, weight, particles);
    }

    /// <summary>The divisor that takes momenta of the U line's unit to GeV.</summary>
    private double ParseUnits(Fields f)
    {
        double divisor = f[1] switch
        {
            "GEV" => 1.0,
            "MEV" => MevPerGev,
            _ => throw source.Error("momentum unit", $"unknown unit {IO.Internal.NumberText.Quote(f[1])}", "GEV or MEV"),
        };
        if (!f[2].SequenceEqual("MM") && !f[2].SequenceEqual("CM"))
        {
            throw source.Error("length unit", $"unknown unit {IO.Internal.NumberText.Quote(f[2])}", "MM or CM");
        }

        return divisor;
    }

    private GeneratorParticle ParseParticle(Fields f, int expectedId, int declared, double divisor)
    {
        f.RequireCount(10, "P line", ParticleLayout);
        int id = f.Int(1, "id");
        if (id != expectedId)
        {
            throw source.Error("id", expectedId > declared
                ? $"particle {id} is beyond the {declared} declared on the E line"
                : $"particle id {id} out of sequence", $"particle id {expectedId}");
        }

        _ = f.Int(2, "parent");
        int pdg = f.Int(3, "pdg");
        double px = f.Double(4, "px") / divisor;
        double py = f.Double(5, "py") / divisor;
        double pz = f.Double(6, "pz") / divisor;
        double e = f.Double(7, "e") / divisor;
        double m = f.Double(8, "m") / divisor;
        int status = f.Int(9, "status");
        return new GeneratorParticle(pdg, status, px, py, pz, e, m);
    }
}
