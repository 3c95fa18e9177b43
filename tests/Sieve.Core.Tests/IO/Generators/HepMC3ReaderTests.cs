using Sieve.Core.Errors;
using Sieve.Core.Events;
using Sieve.IO.Generators;

namespace Sieve.Core.Tests.IO.Generators;

public sealed class HepMC3ReaderTests
{
    /// <summary>
    /// Two events written by hand after the HepMC3 Asciiv3 layout (HepMC3 WriterAscii): a
    /// Z -> mu+ mu- event in GeV with a vertex position and an implicit vertex (P parent = particle
    /// id), and a second event in MeV without a W line.
    /// </summary>
    private static readonly string[] Synthetic =
    [
        "HepMC::Version 3.02.06",                                            // 1
        "HepMC::Asciiv3-START_EVENT_LISTING",                                // 2
        "W Default",                                                         // 3 run information: weight names
        "N 1 \"Default\"",                                                   // 4 run information lines are skipped
        "T Pythia8\\|8.310\\|",                                              // 5
        "E 7 2 5 @ 0 0 0 0",                                                 // 6
        "U GEV MM",                                                          // 7
        "W 2.5",                                                             // 8
        "A 0 signal_process_id 23",                                          // 9
        "P 1 0 2212 0 0 6500 6500 0.938 4",                                  // 10
        "P 2 0 2212 0 0 -6500 6500 0.938 4",                                 // 11
        "V -1 0 [1,2] @ 0.1 0.2 0.3 0.4",                                    // 12
        "P 3 -1 23 0 0 10 100.499 91.0 62",                                  // 13
        "P 4 3 13 30 40 0 50 0.105 1",                                       // 14
        "P 5 3 -13 -30 -40 10 51 0.105 1",                                   // 15
        "E 8 0 2",                                                           // 16
        "U MEV CM",                                                          // 17
        "P 1 0 14 3000 -4000 0 5000 0 1",                                    // 18
        "P 2 0 22 0 2000 0 2000 0 1",                                        // 19
        "HepMC::Asciiv3-END_EVENT_LISTING",                                  // 20
        "",                                                                  // 21
    ];

    [Fact]
    public void Synthetic_file_reads_round_values()
    {
        List<GeneratorEvent> events = Parse(Synthetic);
        Assert.Equal(2, events.Count);
        Assert.Equal(new GeneratorEvent(7, string.Empty, 2.5, events[0].Particles), events[0]);
        Assert.Equal(new GeneratorParticle(13, 1, 30, 40, 0, 50, 0.105), events[0].Particles[3]);
        Assert.Equal(new GeneratorParticle(23, 62, 0, 0, 10, 100.499, 91.0), events[0].Particles[2]);

        // MeV -> GeV; no W line -> weight 1.
        Assert.Equal(new GeneratorEvent(8, string.Empty, 1.0, events[1].Particles), events[1]);
        Assert.Equal([new GeneratorParticle(14, 1, 3, -4, 0, 5, 0), new GeneratorParticle(22, 1, 0, 2, 0, 2, 0)], events[1].Particles);
    }

    [Fact]
    public void Synthetic_events_convert_to_muons_photon_and_met()
    {
        List<GeneratorEvent> events = Parse(Synthetic);
        Event z = GeneratorEvents.ToEvent(events[0]);
        Assert.Equal([ObjectKind.MuonMinus, ObjectKind.MuonPlus], z.Objects.Select(o => o.Kind));
        Assert.Equal(0.0, z.Met);
        Assert.Equal(50.0, z.Objects[0].Pt, 12);

        Event second = GeneratorEvents.ToEvent(events[1]);
        Assert.Equal(5.0, second.Met, 12);
        Assert.Equal(Math.Atan2(-4, 3), second.MetPhi, 12);
        Assert.Equal(new PhysicsObject(ObjectKind.Photon, 2, 2, 0, Math.PI / 2), Assert.Single(second.Objects));
    }

    [Theory]
    [InlineData(16, "E 8 0 3", 16, "declares 3 particle(s) but the event has 2")]
    [InlineData(19, "P 3 0 22 0 2000 0 2000 0 1", 19, "particle id 2")]
    [InlineData(19, "P 2 0 22 0 2000 0 2000 0", 19, "10 whitespace-separated fields")]
    [InlineData(19, "P 2 0 22 0 abc 0 2000 0 1", 19, "py")]
    [InlineData(17, "U KEV CM", 17, "GEV or MEV")]
    [InlineData(17, "U MEV M", 17, "MM or CM")]
    [InlineData(17, "X 1 2", 17, "unexpected line")]
    [InlineData(20, "", 20, "without HepMC::Asciiv3-END_EVENT_LISTING")]
    [InlineData(2, "HepMC::IO_GenEvent-START_EVENT_LISTING", 2, "HepMC2")]
    [InlineData(6, "E 7 2", 6, "E line has 3 field(s)")]
    public void Bad_lines_name_the_line(int lineNumber, string replacement, int errorLine, string fragment)
    {
        string[] lines = (string[])Synthetic.Clone();
        lines[lineNumber - 1] = replacement;
        var ex = Assert.Throws<SieveDataException>(() => Parse(lines));
        Assert.Equal("synthetic.hepmc3", ex.File);
        Assert.Equal(errorLine, ex.Line);
        Assert.Contains(fragment, ex.Message);
    }

    [Fact]
    public void File_without_events_says_so()
    {
        var ex = Assert.Throws<SieveDataException>(() => Parse([.. Synthetic[..5], "HepMC::Asciiv3-END_EVENT_LISTING"]));
        Assert.Contains("no events", ex.Message);
    }

    private static List<GeneratorEvent> Parse(string[] lines) =>
        HepMC3Reader.Read(new StringReader(string.Join('\n', lines)), "synthetic.hepmc3").ToList();
}
