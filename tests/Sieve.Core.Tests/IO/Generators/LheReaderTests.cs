using System.Globalization;
using System.IO.Compression;
using Sieve.Core.Errors;
using Sieve.Core.Events;
using Sieve.IO.Generators;
using Sieve.Tests.Shared;

namespace Sieve.Core.Tests.IO.Generators;

public sealed class LheReaderTests
{
    private const string RealFile = "lhe/pylhe-testfile-powheg-box-v2-W.lhe";

    /// <summary>A tiny valid file: line 5 is the event header, lines 6-7 the particles.</summary>
    private static readonly string[] Small =
    [
        "<LesHouchesEvents version=\"3.0\">",                                    // 1
        "<init>",                                                                // 2
        "2212 2212 6.5E+03 6.5E+03 -1 -1 -1 -1 3 1",                             // 3
        "1.0E+00 1.0E-02 1.0E+00 1",                                             // 4
        "</init>",                                                               // 5
        "<event>",                                                               // 6
        " 2 1 0.5 91.0 0.0078 0.118",                                            // 7
        " 11 1 0 0 0 0 3.0 4.0 0.0 5.0 0.0 0.0 9.0",                             // 8
        " -12 1 0 0 0 0 -3.0 -4.0 0.0 5.0 0.0 0.0 9.0",                          // 9
        "# a comment",                                                           // 10
        "<rwgt>",                                                                // 11
        "<wgt id='1'> 0.5 </wgt>",                                               // 12
        "</rwgt>",                                                               // 13
        "</event>",                                                              // 14
        "</LesHouchesEvents>",                                                   // 15
    ];

    [SkippableFact]
    public void Real_file_matches_an_independent_naive_parse()
    {
        string path = SharedData.Require(RealFile);
        List<(int Count, double Weight, double SumPt, double SumE)> expected = NaiveParse(File.ReadAllLines(path));
        List<GeneratorEvent> events = LheReader.Read(path).ToList();

        Assert.Equal(100, events.Count);
        Assert.Equal(100, expected.Count);
        for (int i = 0; i < events.Count; i++)
        {
            Assert.Equal(i + 1, events[i].Id);
            Assert.Equal("10011", events[i].ProcessId);
            Assert.Equal(expected[i].Weight, events[i].Weight);
            Assert.Equal(expected[i].Count, events[i].Particles.Count);
            Assert.Equal(expected[i].SumPt, events[i].Particles.Sum(p => p.Pt), 1e-9);
            Assert.Equal(expected[i].SumE, events[i].Particles.Sum(p => p.E), 1e-9);
        }
    }

    [SkippableFact]
    public void Real_first_event_has_the_values_of_the_file()
    {
        // Line 95 of the file: "11 1 3 3 0 0 2.410011511E+01 -1.646512307E+01 2.999975005E+01 4.185571442E+01 5.109989100E-04 ..."
        GeneratorEvent first = LheReader.Read(SharedData.Require(RealFile)).First();
        Assert.Equal([3, -4, -24, 11, -12, 21], first.Particles.Select(p => p.PdgId));
        Assert.Equal([-1, -1, 2, 1, 1, 1], first.Particles.Select(p => p.Status));
        Assert.Equal(new GeneratorParticle(11, 1, 24.10011511, -16.46512307, 29.99975005, 41.85571442, 5.109989100e-4), first.Particles[3]);
    }

    [SkippableFact]
    public void Final_state_momentum_balances_in_the_transverse_plane()
    {
        // True here: the incoming partons of these POWHEG events have px = py = 0 exactly, and
        // checked beforehand with awk: the largest |sum of (px, py)| of status-1 particles is 1.4e-8 GeV.
        foreach (GeneratorEvent e in LheReader.Read(SharedData.Require(RealFile)))
        {
            Assert.All(e.Particles.Where(p => p.Status == -1), p => Assert.Equal(0.0, p.Pt));
            double sx = e.Particles.Where(p => p.IsFinalState).Sum(p => p.Px);
            double sy = e.Particles.Where(p => p.IsFinalState).Sum(p => p.Py);
            Assert.True(Math.Abs(sx) < 1e-6 && Math.Abs(sy) < 1e-6, $"event {e.Id}: ({sx}, {sy})");
        }
    }

    [SkippableFact]
    public void Real_events_convert_to_an_electron_and_met_from_the_neutrino()
    {
        foreach (GeneratorEvent g in LheReader.Read(SharedData.Require(RealFile)))
        {
            Event e = GeneratorEvents.ToEvent(g);
            GeneratorParticle[] nu = g.Particles.Where(p => p.IsFinalState && GeneratorEvents.IsNeutrino(p.PdgId)).ToArray();
            double mx = nu.Sum(p => p.Px);
            double my = nu.Sum(p => p.Py);
            Assert.Equal(Math.Sqrt((mx * mx) + (my * my)), e.Met, 1e-9);
            Assert.Equal(g.Particles.Count(p => p.IsFinalState && p.PdgId == 11), e.Count(ObjectKind.ElectronMinus));
            Assert.Equal(g.Particles.Count(p => p.IsFinalState && !GeneratorEvents.IsNeutrino(p.PdgId) && p.PdgId != 11 && p.Pt > 0), e.Count(ObjectKind.Hadron));
        }
    }

    [SkippableFact]
    public void Init_block_is_read()
    {
        LheInit init = LheReader.ReadInit(SharedData.Require(RealFile));
        Assert.Equal(new LheInit(2212, 2212, 4000, 4000, -4, init.Processes), init);
        Assert.Equal([new LheProcess(4.95879e3, 3.32876, 1.0, 10011)], init.Processes);
    }

    [SkippableFact]
    public void Gzip_copy_reads_identically_and_a_truncated_one_fails_clearly()
    {
        string path = SharedData.Require(RealFile);
        using var temp = new TempFolder();
        string gz = temp.File("w.lhe.gz");
        using (FileStream input = File.OpenRead(path))
        using (FileStream output = File.Create(gz))
        using (var zip = new GZipStream(output, CompressionLevel.Optimal))
        {
            input.CopyTo(zip);
        }

        List<GeneratorEvent> plain = LheReader.Read(path).ToList();
        List<GeneratorEvent> zipped = GeneratorReader.Read(gz).ToList();
        Assert.Equal(plain.Count, zipped.Count);
        for (int i = 0; i < plain.Count; i++)
        {
            Assert.Equal(plain[i] with { Particles = [] }, zipped[i] with { Particles = [] });
            Assert.Equal(plain[i].Particles, zipped[i].Particles);
        }

        byte[] bytes = File.ReadAllBytes(gz);
        foreach (int keep in new[] { bytes.Length / 2, bytes.Length * 9 / 10, 20 })
        {
            string cut = temp.File($"cut{keep}.lhe.gz");
            File.WriteAllBytes(cut, bytes[..keep]);
            Exception? raw = Record.Exception(() => LheReader.Read(cut).Count());
            var ex = Assert.IsType<SieveDataException>(raw, exactMatch: false);
            Assert.Equal(cut, ex.File);
            Assert.NotNull(ex.Line);
        }

        // A wrong CRC in the trailer: GZipStream's InvalidDataException comes back as a data error.
        byte[] badCrc = (byte[])bytes.Clone();
        badCrc[^6] ^= 0xFF;
        string corrupt = temp.File("crc.lhe.gz");
        File.WriteAllBytes(corrupt, badCrc);
        var crc = Assert.Throws<SieveDataException>(() => LheReader.Read(corrupt).Count());
        Assert.Contains("gzip data is corrupt or truncated", crc.Message);
        Assert.Equal(corrupt, crc.File);

        // Known limit: with only the 4-byte size field missing all content is present, and
        // GZipStream (which checks the trailer when present) reports no error; nothing is lost.
        string noSize = temp.File("nosize.lhe.gz");
        File.WriteAllBytes(noSize, bytes[..^4]);
        Assert.Equal(100, LheReader.Read(noSize).Count());
    }

    [Fact]
    public void Small_file_reads_and_skips_trailing_lines()
    {
        GeneratorEvent e = Assert.Single(Parse(Small));
        Assert.Equal(0.5, e.Weight);
        Assert.Equal("1", e.ProcessId);
        Assert.Equal(new GeneratorParticle(-12, 1, -3, -4, 0, 5, 0), e.Particles[1]);
        Event ev = GeneratorEvents.ToEvent(e);
        Assert.Equal(5.0, ev.Met, 12);
        Assert.Equal(new PhysicsObject(ObjectKind.ElectronMinus, 5, 5, 0, Math.Atan2(4, 3)), Assert.Single(ev.Objects));
    }

    [Theory]
    [InlineData(8, " 11 1 0 0 0 0 3.0 4.0 0.0 5.0 0.0 0.0", 8, "13 whitespace-separated fields")]
    [InlineData(8, " 11 1 0 0 0 0 3.0 abc 0.0 5.0 0.0 0.0 9.0", 8, "PUP2")]
    [InlineData(8, " 11.5 1 0 0 0 0 3.0 4.0 0.0 5.0 0.0 0.0 9.0", 8, "IDUP")]
    [InlineData(7, " 3 1 0.5 91.0 0.0078 0.118", 10, "NUP = 3 but has only 2")]
    [InlineData(7, " 1 1 0.5 91.0 0.0078 0.118", 9, "more particle lines")]
    [InlineData(7, " 2 1 0.5 91.0 0.0078", 7, "6 whitespace-separated fields")]
    [InlineData(7, " 0 1 0.5 91.0 0.0078 0.118", 7, "NUP")]
    [InlineData(3, "2212 2212 6.5E+03 6.5E+03 -1 -1 -1 -1 3", 3, "<init> beam line")]
    [InlineData(14, "<event>", 14, "not closed")]
    [InlineData(15, "", 14, "without </LesHouchesEvents>")]
    [InlineData(1, "<html>", 1, "does not start with <LesHouchesEvents>")]
    public void Bad_lines_name_the_line(int lineNumber, string replacement, int errorLine, string fragment)
    {
        string[] lines = (string[])Small.Clone();
        lines[lineNumber - 1] = replacement;
        var ex = Assert.Throws<SieveDataException>(() => Parse(lines));
        Assert.Equal("small.lhe", ex.File);
        Assert.Equal(errorLine, ex.Line);
        Assert.Contains(fragment, ex.Message);
    }

    [Fact]
    public void File_without_events_says_so()
    {
        string[] lines = [.. Small[..5], "</LesHouchesEvents>"];
        var ex = Assert.Throws<SieveDataException>(() => Parse(lines));
        Assert.Contains("no <event> blocks", ex.Message);
        ex = Assert.Throws<SieveDataException>(() => Parse(Small[..5]));
        Assert.Contains("no <event> blocks", ex.Message);
    }

    [Fact]
    public void Event_before_init_is_an_error()
    {
        string[] lines = [Small[0], .. Small[5..]];
        var ex = Assert.Throws<SieveDataException>(() => Parse(lines));
        Assert.Contains("<init>", ex.Message);
        Assert.Equal(2, ex.Line);
    }

    [SkippableFact]
    public void Fuzzed_event_lines_give_events_or_a_data_exception()
    {
        string[] original = File.ReadAllLines(SharedData.Require(RealFile));
        int[] eventLines = Enumerable.Range(0, original.Length)
            .Where(i => original[i].StartsWith("    ", StringComparison.Ordinal) || original[i].StartsWith("      ", StringComparison.Ordinal) || original[i] is "<event>" or "</event>")
            .Where(i => i > 80).ToArray();
        var rng = new Random(20240611);
        const string Alphabet = "0123456789.-+eE x#<>/\t";
        int failures = 0;
        for (int trial = 0; trial < 400; trial++)
        {
            var lines = original.ToList();
            for (int m = rng.Next(1, 4); m > 0; m--)
            {
                int at = eventLines[rng.Next(eventLines.Length)];
                string line = lines[at];
                lines[at] = rng.Next(7) switch
                {
                    0 when line.Length > 0 => line.Remove(rng.Next(line.Length), 1),
                    1 => line.Insert(rng.Next(line.Length + 1), Alphabet[rng.Next(Alphabet.Length)].ToString()),
                    2 when line.Length > 0 => line[..rng.Next(line.Length)],
                    3 => string.Join(' ', line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(f => rng.Next(6) == 0 ? "1e400" : f)),
                    4 => line + " " + line,
                    5 => string.Empty,
                    _ => rng.Next(1000).ToString(CultureInfo.InvariantCulture),
                };
            }

            Exception? ex = Record.Exception(() =>
            {
                foreach (GeneratorEvent e in LheReader.Read(new StringReader(string.Join('\n', lines)), "fuzz.lhe"))
                {
                    _ = GeneratorEvents.ToEvent(e);
                }
            });
            if (ex is not null)
            {
                Assert.IsType<SieveDataException>(ex);
                failures++;
            }
        }

        Assert.InRange(failures, 1, 399); // the mutations both break and spare files
    }

    private static List<GeneratorEvent> Parse(string[] lines) =>
        LheReader.Read(new StringReader(string.Join('\n', lines)), "small.lhe").ToList();

    /// <summary>
    /// Deliberately naive: every line after "&lt;event&gt;" is the header, its first number NUP, its third the weight,
    /// and the next NUP lines are particles; fields 7, 8 and 10 are px, py and E.
    /// </summary>
    private static List<(int Count, double Weight, double SumPt, double SumE)> NaiveParse(string[] lines)
    {
        var result = new List<(int, double, double, double)>();
        for (int i = 0; i < lines.Length; i++)
        {
            if (lines[i].Trim() != "<event>")
            {
                continue;
            }

            string[] header = lines[i + 1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            int nup = int.Parse(header[0], CultureInfo.InvariantCulture);
            double sumPt = 0;
            double sumE = 0;
            for (int k = 0; k < nup; k++)
            {
                string[] f = lines[i + 2 + k].Split(' ', StringSplitOptions.RemoveEmptyEntries);
                double px = double.Parse(f[6], CultureInfo.InvariantCulture);
                double py = double.Parse(f[7], CultureInfo.InvariantCulture);
                sumPt += Math.Sqrt((px * px) + (py * py));
                sumE += double.Parse(f[9], CultureInfo.InvariantCulture);
            }

            result.Add((nup, double.Parse(header[2], CultureInfo.InvariantCulture), sumPt, sumE));
        }

        return result;
    }
}
