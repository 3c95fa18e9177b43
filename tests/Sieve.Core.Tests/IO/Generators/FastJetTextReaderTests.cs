using System.Globalization;
using Sieve.Core.Errors;
using Sieve.Core.Events;
using Sieve.IO.Generators;
using Sieve.Tests.Shared;

namespace Sieve.Core.Tests.IO.Generators;

public sealed class FastJetTextReaderTests
{
    [SkippableTheory]
    [InlineData("fastjet/Pythia-PtMin1000-LHC-10ev.dat", 10)]
    [InlineData("fastjet/single-event.dat", 1)]
    public void Real_files_match_an_independent_naive_parse(string file, int eventCount)
    {
        string path = SharedData.Require(file);
        List<(int Count, double SumE)> expected = NaiveParse(File.ReadAllLines(path));
        List<GeneratorEvent> events = GeneratorReader.Read(path).ToList();

        Assert.Equal(eventCount, expected.Count);
        Assert.Equal(eventCount, events.Count);
        for (int i = 0; i < events.Count; i++)
        {
            Assert.Equal(i + 1, events[i].Id);
            Assert.Equal(expected[i].Count, events[i].Particles.Count);
            Assert.Equal(expected[i].SumE, events[i].Particles.Sum(p => p.E), 1e-9 * expected[i].SumE);
            Assert.All(events[i].Particles, p => Assert.True(p.PdgId == 0 && p.IsFinalState && p.M >= 0));
        }
    }

    [SkippableFact]
    public void Real_events_become_hadrons_without_met()
    {
        string path = SharedData.Require("fastjet/single-event.dat");
        GeneratorEvent g = Assert.Single(FastJetTextReader.Read(path));
        Event e = GeneratorEvents.ToEvent(g, new GeneratorEventOptions { MinPt = 1.0, MaxAbsEta = 5.0 });
        Assert.Equal(0.0, e.Met);
        Assert.All(e.Objects, o => Assert.Equal(ObjectKind.Hadron, o.Kind));
        Assert.Equal(g.Particles.Count(p => p.Pt >= 1.0 && Math.Abs(p.Eta) <= 5.0), e.Objects.Count);
        Assert.InRange(e.Objects.Count, 1, g.Particles.Count - 1); // the cuts did something
    }

    [Fact]
    public void Markers_comments_and_a_final_event_without_marker()
    {
        const string Text = "# header\n1 0 0 2\n0 1 0 1\n#END\n#END\n\n0 0 3 5\n";
        List<GeneratorEvent> events = FastJetTextReader.Read(new StringReader(Text), "mem.dat").ToList();
        Assert.Equal([2, 0, 1], events.Select(e => e.Particles.Count));
        Assert.Equal([1L, 2L, 3L], events.Select(e => e.Id));
        Assert.Equal(new GeneratorParticle(0, 1, 0, 0, 3, 5, 4), events[2].Particles[0]);
        Assert.Equal(Math.Sqrt(3), events[0].Particles[0].M, 12);
    }

    [Theory]
    [InlineData("1 2 3 4\n1 2 3\n", 2, "4 whitespace-separated fields")]
    [InlineData("1 2 3 4\n#END\n1 2 x 4\n", 3, "pz")]
    [InlineData("1 2 3 nan\n", 1, "not finite")]
    [InlineData("# only a comment\n", 1, "no events")]
    public void Bad_input_names_the_line(string text, int line, string fragment)
    {
        var ex = Assert.Throws<SieveDataException>(() => FastJetTextReader.Read(new StringReader(text), "mem.dat").ToList());
        Assert.Equal("mem.dat", ex.File);
        Assert.Equal(line, ex.Line);
        Assert.Contains(fragment, ex.Message);
    }

    [Fact]
    public void Columns_after_the_energy_are_ignored()
    {
        // HZ-event-Hmass115.dat carries a b-tag flag in a fifth column.
        GeneratorEvent g = Assert.Single(FastJetTextReader.Read(new StringReader("1 2 3 5 1\n0 0 4 5 0\n"), "mem.dat"));
        Assert.Equal(new GeneratorParticle(0, 1, 0, 0, 4, 5, 3), g.Particles[1]);
        Assert.Equal(2, g.Particles.Count);
    }

    /// <summary>Deliberately naive: split on "#END" lines, skip other '#' lines, count lines and sum field 4.</summary>
    private static List<(int Count, double SumE)> NaiveParse(string[] lines)
    {
        var result = new List<(int, double)>();
        int n = 0;
        double sum = 0;
        foreach (string line in lines)
        {
            if (line.StartsWith("#END", StringComparison.Ordinal))
            {
                result.Add((n, sum));
                (n, sum) = (0, 0);
            }
            else if (!line.StartsWith('#') && line.Trim().Length > 0)
            {
                n++;
                sum += double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[3], CultureInfo.InvariantCulture);
            }
        }

        if (n > 0)
        {
            result.Add((n, sum));
        }

        return result;
    }
}
