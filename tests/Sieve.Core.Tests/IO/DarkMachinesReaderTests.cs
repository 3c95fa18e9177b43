using Sieve.Core.Errors;
using Sieve.Core.Events;
using Sieve.IO.DarkMachines;
using Sieve.Tests.Shared;

namespace Sieve.Core.Tests.IO;

public class DarkMachinesReaderTests
{
    internal const string MonojetFile = "darkmachines/monojet_Zp2000.0_DM_50.0_chan3.csv";

    private const string GoodLine = "354;proc;2.44336e-05;832841;-1.22431;b,947383,824498,-0.523103,1.64421;";

    private static List<Event> ReadText(string text, string name = "mem.csv") =>
        DarkMachinesReader.Read(new StringReader(text), name).ToList();

    [SkippableFact]
    public void Real_file_matches_reference_counts_and_sums()
    {
        string path = SharedData.Require(MonojetFile);

        // Reference values computed outside the project, independently of the reader:
        //   awk -F';' '{n++; for(i=6;i<NF;i++){split($i,a,","); o++; s+=a[3]/1000}}
        //              END{printf "%d %d %.6f\n", n,o,s}' monojet_Zp2000.0_DM_50.0_chan3.csv
        //   -> 6399 23473 5659946.187200
        // and with Python (math.fsum of float(pt)/1000, and of float(MET)/1000):
        //   pT sum 5659946.1872, MET sum 3766802.745
        List<Event> events = DarkMachinesReader.Read(path).ToList();
        Assert.Equal(6399, events.Count);
        Assert.Equal(23473, events.Sum(e => e.Objects.Count));
        double ptSum = events.SelectMany(e => e.Objects).Sum(o => o.Pt);
        Assert.Equal(5659946.1872, ptSum, 5659946.1872 * 1e-12);
        Assert.Equal(3766802.745, events.Sum(e => e.Met), 3766802.745 * 1e-12);
        Assert.All(events, e => Assert.Equal("monojet_Zp2000.0_DM_50.0", e.ProcessId));
    }

    [SkippableFact]
    public void Real_file_agrees_with_a_naive_split_parse()
    {
        // A second, deliberately naive parser (string.Split, double.Parse) over the same file.
        string path = SharedData.Require(MonojetFile);
        string[] lines = File.ReadAllLines(path).Where(l => l.Length > 0).ToArray();
        List<Event> events = DarkMachinesReader.Read(path).ToList();
        Assert.Equal(lines.Length, events.Count);
        for (int i = 0; i < lines.Length; i++)
        {
            string[] f = lines[i].TrimEnd(';').Split(';');
            Event e = events[i];
            Assert.Equal(f[0], e.Id);
            Assert.Equal(double.Parse(f[2], System.Globalization.CultureInfo.InvariantCulture), e.Weight);
            Assert.Equal(double.Parse(f[3], System.Globalization.CultureInfo.InvariantCulture) / 1000, e.Met);
            Assert.Equal(f.Length - 5, e.Objects.Count);
            for (int k = 5; k < f.Length; k++)
            {
                string[] o = f[k].Split(',');
                Assert.Equal(o[0], e.Objects[k - 5].Kind.Code());
                Assert.Equal(double.Parse(o[2], System.Globalization.CultureInfo.InvariantCulture) / 1000, e.Objects[k - 5].Pt);
            }
        }
    }

    [Fact]
    public void Converts_MeV_to_GeV_and_keeps_the_rest()
    {
        Event e = Assert.Single(ReadText(GoodLine + "\n"));
        Assert.Equal("354", e.Id);
        Assert.Equal("proc", e.ProcessId);
        Assert.Equal(2.44336e-05, e.Weight);
        Assert.Equal(832841.0 / 1000, e.Met);
        Assert.Equal(-1.22431, e.MetPhi);
        PhysicsObject o = Assert.Single(e.Objects);
        Assert.Equal(new PhysicsObject(ObjectKind.BJet, 947383.0 / 1000, 824498.0 / 1000, -0.523103, 1.64421), o);
    }

    [Fact]
    public void Accepts_CRLF_missing_trailing_separator_no_objects_and_trailing_empty_lines()
    {
        string text = GoodLine + "\r\n" + "355;proc;1;1000;0.5\r\n" + "356;proc;1;2000;0.5;j,3000,2500,0.1,0.2;m+,1e5,9e4,1,2\r\n\r\n\n";
        List<Event> events = ReadText(text);
        Assert.Equal(["354", "355", "356"], events.Select(e => e.Id));
        Assert.Empty(events[1].Objects);
        Assert.Equal([ObjectKind.Jet, ObjectKind.MuonPlus], events[2].Objects.Select(o => o.Kind));
        Assert.Equal(new PhysicsObject(ObjectKind.MuonPlus, 100, 90, 1, 2), events[2].Objects[1]);
    }

    [Fact]
    public void Every_object_code_is_read()
    {
        string line = "1;p;1;1000;0;j,1,1,0,0;b,1,1,0,0;e-,1,1,0,0;e+,1,1,0,0;m-,1,1,0,0;m+,1,1,0,0;g,1,1,0,0;";
        Assert.Equal(ObjectKinds.All, Assert.Single(ReadText(line)).Objects.Select(o => o.Kind));
    }

    [Theory]
    [InlineData("1;p;1;1000", "METphi")]
    [InlineData("1", "processID")]
    [InlineData(";p;1;1000;0.5;", "eventID")]
    [InlineData("1; ;1;1000;0.5;", "processID")]
    [InlineData("1;p;x;1000;0.5;", "weight")]
    [InlineData("1;p;1;abc;0.5;", "MET")]
    [InlineData("1;p;1;1e400;0.5;", "MET")]
    [InlineData("1;p;1;1000;0,5;", "METphi")]
    [InlineData("1;p;1;1000;0.5;j,1,2,3;", "object 1")]
    [InlineData("1;p;1;1000;0.5;;", "object 1")]
    [InlineData("1;p;1;1000;0.5;j,1,2,3,4;j,1,2,3,4,5;", "object 2")]
    [InlineData("1;p;1;1000;0.5;j,1,2,3,4;q,1,2,3,4;", "object 2 (code)")]
    [InlineData("1;p;1;1000;0.5;j,1,2,3,4;J,1,2,3,4;", "object 2 (code)")]
    [InlineData("1;p;1;1000;0.5;j,1,2,3,4;j,1,2,3,4;j,1,x,3,4;", "object 3 (pt)")]
    [InlineData("1;p;1;1000;0.5;j,NaN,2,3,4;", "object 1 (E)")]
    [InlineData("1;p;1;1000;0.5;j,1,2,Infinity,4;", "object 1 (eta)")]
    [InlineData("1;p;1;1000;0.5;j,1,2,3,-inf;", "object 1 (phi)")]
    public void Malformed_line_names_file_line_and_field(string badLine, string field)
    {
        var ex = Assert.Throws<SieveDataException>(() => ReadText(GoodLine + "\n" + badLine + "\n" + GoodLine + "\n", "bad.csv"));
        Assert.Equal("bad.csv", ex.File);
        Assert.Equal(2, ex.Line);
        Assert.Equal(field, ex.Field);
        Assert.NotNull(ex.Expected);
        Assert.StartsWith("bad.csv:2, field " + field + ": ", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Empty_line_before_more_events_is_an_error_at_that_line()
    {
        var ex = Assert.Throws<SieveDataException>(() => ReadText(GoodLine + "\n\n" + GoodLine + "\n"));
        Assert.Equal(2, ex.Line);
        Assert.Null(ex.Field);
    }

    [Fact]
    public void Events_before_a_bad_line_are_streamed()
    {
        using IEnumerator<Event> events = DarkMachinesReader.Read(new StringReader(GoodLine + "\nbroken\n"), "s").GetEnumerator();
        Assert.True(events.MoveNext());
        Assert.Equal("354", events.Current.Id);
        Assert.Throws<SieveDataException>(() => events.MoveNext());
    }

    [Fact]
    public void Path_overload_names_the_path_in_errors()
    {
        using var folder = new TempFolder();
        string path = folder.File("broken.csv");
        File.WriteAllText(path, GoodLine + "\n" + GoodLine.Replace("824498", "8244x8", StringComparison.Ordinal) + "\n");
        var ex = Assert.Throws<SieveDataException>(() => DarkMachinesReader.Read(path).ToList());
        Assert.Equal(path, ex.File);
        Assert.Equal(2, ex.Line);
        Assert.Equal("object 1 (pt)", ex.Field);
    }

    [SkippableFact]
    public void Fuzzed_real_lines_either_parse_or_throw_SieveDataException()
    {
        string path = SharedData.Require(MonojetFile);
        string[] lines = File.ReadLines(path).Take(200).ToArray();
        const string alphabet = "0123456789.-+eE;,jbgm NaInfty\t\r\nx";
        var rng = new Random(20240611);
        int parsed = 0, rejected = 0;
        for (int i = 0; i < 2000; i++)
        {
            var text = new System.Text.StringBuilder(lines[rng.Next(lines.Length)]);
            int edits = rng.Next(1, 4);
            for (int k = 0; k < edits && text.Length > 0; k++)
            {
                int at = rng.Next(text.Length);
                switch (rng.Next(3))
                {
                    case 0: text.Remove(at, 1); break;
                    case 1: text.Insert(at, text[at]); break;
                    default: text[at] = alphabet[rng.Next(alphabet.Length)]; break;
                }
            }

            try
            {
                _ = ReadText(text.ToString(), "fuzz.csv");
                parsed++;
            }
            catch (SieveDataException ex)
            {
                Assert.Equal("fuzz.csv", ex.File);
                Assert.NotNull(ex.Line);
                rejected++;
            }
        }

        // Both outcomes must occur, or the mutations are not exercising the parser.
        Assert.True(parsed > 100, $"only {parsed} mutated lines parsed");
        Assert.True(rejected > 100, $"only {rejected} mutated lines were rejected");
    }
}
