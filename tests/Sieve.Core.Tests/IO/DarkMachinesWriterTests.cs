using System.Globalization;
using Sieve.Core.Events;
using Sieve.IO.DarkMachines;
using Sieve.Tests.Shared;

namespace Sieve.Core.Tests.IO;

public class DarkMachinesWriterTests
{
    private static void AssertSameBits(double expected, double actual, string what) =>
        Assert.True(BitConverter.DoubleToInt64Bits(expected) == BitConverter.DoubleToInt64Bits(actual), $"{what}: {expected:R} != {actual:R}");

    private static void AssertSameEvents(IReadOnlyList<Event> expected, IReadOnlyList<Event> actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (int i = 0; i < expected.Count; i++)
        {
            Event a = expected[i], b = actual[i];
            Assert.Equal(a.Id, b.Id);
            Assert.Equal(a.ProcessId, b.ProcessId);
            AssertSameBits(a.Weight, b.Weight, $"event {i} weight");
            AssertSameBits(a.Met, b.Met, $"event {i} MET");
            AssertSameBits(a.MetPhi, b.MetPhi, $"event {i} METphi");
            Assert.Equal(a.Objects.Count, b.Objects.Count);
            for (int k = 0; k < a.Objects.Count; k++)
            {
                PhysicsObject p = a.Objects[k], q = b.Objects[k];
                Assert.Equal(p.Kind, q.Kind);
                AssertSameBits(p.E, q.E, $"event {i} object {k} E");
                AssertSameBits(p.Pt, q.Pt, $"event {i} object {k} pt");
                AssertSameBits(p.Eta, q.Eta, $"event {i} object {k} eta");
                AssertSameBits(p.Phi, q.Phi, $"event {i} object {k} phi");
            }
        }
    }

    [SkippableFact]
    public void Real_file_read_write_read_gives_identical_events()
    {
        string path = SharedData.Require(DarkMachinesReaderTests.MonojetFile);
        List<Event> original = DarkMachinesReader.Read(path).ToList();
        using var folder = new TempFolder();
        string copy = folder.File("copy.csv");
        Assert.Equal(original.Count, DarkMachinesWriter.Write(copy, original));
        AssertSameEvents(original, DarkMachinesReader.Read(copy).ToList());
        Assert.Equal(["copy.csv"], folder.Files());

        // Shortest text: the written file is no longer than the original (6-digit %g text).
        Assert.True(new FileInfo(copy).Length <= new FileInfo(path).Length);
    }

    [Fact]
    public void Writes_the_DarkMachines_line_format_in_MeV()
    {
        var e = new Event("354", "monojet", 2.44336e-05, 832841.0 / 1000, -1.22431,
            [new PhysicsObject(ObjectKind.BJet, 947383.0 / 1000, 824498.0 / 1000, -0.523103, 1.64421),
             new PhysicsObject(ObjectKind.MuonPlus, 1.06946e+06 / 1000, 88405.6 / 1000, 2.5, -3)]);
        var text = new StringWriter();
        DarkMachinesWriter.Write(text, [e, e with { Id = "355", Objects = [] }]);
        Assert.Equal(
            "354;monojet;2.44336e-05;832841;-1.22431;b,947383,824498,-0.523103,1.64421;m+,1069460,88405.6,2.5,-3;\n" +
            "355;monojet;2.44336e-05;832841;-1.22431;\n",
            text.ToString());
    }

    [Fact]
    public void FormatMev_round_trips_every_value_the_reader_can_produce()
    {
        var rng = new Random(4242);
        for (int i = 0; i < 20_000; i++)
        {
            // Half: 6-significant-digit text as in the challenge files; half: arbitrary doubles.
            double mev = i % 2 == 0
                ? double.Parse((rng.NextDouble() * Math.Pow(10, rng.Next(-3, 9))).ToString("G6", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture)
                : rng.NextDouble() * Math.Pow(10, rng.Next(-30, 30)) * (rng.Next(2) == 0 ? -1 : 1);
            double gev = mev / DarkMachinesFormat.MevPerGev;
            string text = DarkMachinesWriter.FormatMev(gev);
            double back = double.Parse(text, CultureInfo.InvariantCulture) / DarkMachinesFormat.MevPerGev;
            AssertSameBits(gev, back, $"MeV {mev:R} written as '{text}'");
        }
    }

    [Theory]
    [InlineData(832.841, "832841")]
    [InlineData(0.0884056, "88.4056")]
    [InlineData(1069.46, "1069460")]
    [InlineData(-0.0, "-0")]
    public void FormatMev_prefers_short_text(double gev, string expected) =>
        Assert.Equal(expected, DarkMachinesWriter.FormatMev(gev));

    [Fact]
    public void Refuses_values_the_reader_would_reject()
    {
        var e = new Event("1", "p", 1, 1, 0, [new PhysicsObject(ObjectKind.Jet, double.NaN, 1, 0, 0)]);
        Assert.Throws<ArgumentException>(() => DarkMachinesWriter.Write(new StringWriter(), [e]));
        Assert.Throws<ArgumentException>(() => DarkMachinesWriter.Write(new StringWriter(), [e with { Objects = [], Id = "a;b" }]));
        Assert.Throws<ArgumentException>(() => DarkMachinesWriter.Write(new StringWriter(), [e with { Objects = [], Met = double.PositiveInfinity }]));
    }

    [Fact]
    public void Failed_write_leaves_no_file_and_keeps_an_existing_one()
    {
        using var folder = new TempFolder();
        string path = folder.File("events.csv");
        var good = new Event("1", "p", 1, 1, 0, []);
        var bad = good with { Weight = double.NaN };

        Assert.Throws<ArgumentException>(() => DarkMachinesWriter.Write(path, [good, good, bad]));
        Assert.Empty(folder.Files());

        File.WriteAllText(path, "previous\n");
        Assert.Throws<ArgumentException>(() => DarkMachinesWriter.Write(path, [good, bad]));
        Assert.Equal("previous\n", File.ReadAllText(path));
        Assert.Equal(["events.csv"], folder.Files());
    }
}
