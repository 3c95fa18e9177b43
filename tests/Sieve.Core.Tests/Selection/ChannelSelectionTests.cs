using System.Globalization;
using Sieve.Core.Events;
using Sieve.Core.Selection;
using Sieve.IO.DarkMachines;
using Sieve.Tests.Shared;

namespace Sieve.Core.Tests.Selection;

public class ChannelSelectionTests
{
    private const double Below = 1e-9; // a step below a threshold, far above rounding of the sums used here

    [Theory]
    [InlineData(600.0, 100.0, true)] // both cuts exactly at the boundary: inclusive
    [InlineData(600.0 - Below, 100.0, false)]
    [InlineData(600.0, 100.0 - Below, false)]
    [InlineData(600.0 + Below, 100.0 + Below, true)]
    [InlineData(5000.0, 1000.0, true)]
    public void Ch3_cuts_HT_and_MET_inclusively(double ht, double met, bool passes)
    {
        // HT split over a jet and a b-jet: both kinds count.
        Event e = Make(met, Obj(ObjectKind.Jet, ht / 2), Obj(ObjectKind.BJet, ht / 2), Obj(ObjectKind.Photon, 900));
        Assert.Equal(passes, ChannelSelection.Passes(e, Channel.Ch3));
    }

    [Fact]
    public void Ch3_ignores_non_jet_pt_in_HT()
    {
        Event e = Make(150, Obj(ObjectKind.Jet, 599), Obj(ObjectKind.ElectronMinus, 400), Obj(ObjectKind.Photon, 400));
        Assert.False(ChannelSelection.Passes(e, Channel.Ch3));
    }

    [Fact]
    public void Ch1_passes_at_every_boundary_at_once()
    {
        // HT = 600 exactly, MET = 200 >= 0.2 * 600 = 120; four jets above 50, one above 200.
        Event e = Make(200, Ch1Jets(250, 50.5, 50.5, 50.5, 198.5));
        Assert.Equal(600.0, e.Ht);
        Assert.True(ChannelSelection.Passes(e, Channel.Ch1));
    }

    [Fact]
    public void Ch1_ratio_MET_over_HT_is_inclusive_at_one_fifth()
    {
        // HT = 1000, MET = 200: ratio exactly 0.2 passes; HT a little higher fails the ratio only.
        Assert.True(ChannelSelection.Passes(Make(200, Ch1Jets(400, 200, 200, 200)), Channel.Ch1));
        Assert.False(ChannelSelection.Passes(Make(200, Ch1Jets(400, 200, 200, 200.001)), Channel.Ch1));
        Assert.True(ChannelSelection.Passes(Make(200.01, Ch1Jets(400, 200, 200, 200.001)), Channel.Ch1));
    }

    [Fact]
    public void Ch1_fails_just_below_each_cut()
    {
        Assert.False(ChannelSelection.Passes(Make(200, Ch1Jets(250, 50.5, 50.5, 50.5, 198.5 - 1e-6)), Channel.Ch1)); // HT < 600
        Assert.False(ChannelSelection.Passes(Make(200 - 1e-9, Ch1Jets(250, 50.5, 50.5, 50.5, 198.5)), Channel.Ch1)); // MET < 200
    }

    [Fact]
    public void Ch1_jet_pt_thresholds_are_strict()
    {
        // Only three jets strictly above 50: the fourth sits at 50.
        Assert.False(ChannelSelection.Passes(Make(300, Ch1Jets(400, 100, 100, 50)), Channel.Ch1));
        Assert.True(ChannelSelection.Passes(Make(300, Ch1Jets(400, 100, 100, 50.0001)), Channel.Ch1));

        // Leading jet at 200 exactly: no jet strictly above 200.
        Assert.False(ChannelSelection.Passes(Make(300, Ch1Jets(200, 200, 150, 100)), Channel.Ch1));
        Assert.True(ChannelSelection.Passes(Make(300, Ch1Jets(200.0001, 200, 150, 100)), Channel.Ch1));
    }

    [Fact]
    public void Ch1_counts_b_jets_as_jets()
    {
        Event e = Make(300, Obj(ObjectKind.BJet, 300), Obj(ObjectKind.BJet, 100), Obj(ObjectKind.Jet, 100), Obj(ObjectKind.BJet, 100));
        Assert.True(ChannelSelection.Passes(e, Channel.Ch1));
    }

    [Fact]
    public void Ch2a_needs_three_leptons_strictly_above_15_GeV_and_MET_at_least_50()
    {
        PhysicsObject[] three = [Obj(ObjectKind.ElectronMinus, 15.0001), Obj(ObjectKind.MuonPlus, 30), Obj(ObjectKind.ElectronPlus, 20)];
        Assert.True(ChannelSelection.Passes(Make(50, three), Channel.Ch2a));
        Assert.False(ChannelSelection.Passes(Make(50 - 1e-9, three), Channel.Ch2a));

        PhysicsObject[] oneAt15 = [Obj(ObjectKind.ElectronMinus, 15.0), Obj(ObjectKind.MuonPlus, 30), Obj(ObjectKind.MuonMinus, 20)];
        Assert.False(ChannelSelection.Passes(Make(80, oneAt15), Channel.Ch2a));

        // Photons and jets are not leptons.
        PhysicsObject[] withPhoton = [Obj(ObjectKind.Photon, 100), Obj(ObjectKind.MuonPlus, 30), Obj(ObjectKind.MuonMinus, 20), Obj(ObjectKind.Jet, 90)];
        Assert.False(ChannelSelection.Passes(Make(80, withPhoton), Channel.Ch2a));
    }

    [Fact]
    public void Ch2b_needs_two_leptons_MET_and_HT_at_least_50()
    {
        PhysicsObject lep1 = Obj(ObjectKind.MuonMinus, 15.0001), lep2 = Obj(ObjectKind.ElectronPlus, 40);
        Assert.True(ChannelSelection.Passes(Make(50, lep1, lep2, Obj(ObjectKind.Jet, 50)), Channel.Ch2b));
        Assert.False(ChannelSelection.Passes(Make(50, lep1, lep2, Obj(ObjectKind.Jet, 50 - 1e-9)), Channel.Ch2b));
        Assert.False(ChannelSelection.Passes(Make(50 - 1e-9, lep1, lep2, Obj(ObjectKind.Jet, 50)), Channel.Ch2b));
        Assert.False(ChannelSelection.Passes(Make(50, Obj(ObjectKind.MuonMinus, 15), lep2, Obj(ObjectKind.Jet, 50)), Channel.Ch2b));
        Assert.True(ChannelSelection.Passes(Make(50, lep1, lep2, Obj(ObjectKind.Jet, 20), Obj(ObjectKind.BJet, 30)), Channel.Ch2b));
    }

    [Fact]
    public void Event_without_objects_passes_nothing()
    {
        Event e = Make(1000);
        Assert.All(Channels.All, c => Assert.False(ChannelSelection.Passes(e, c)));
    }

    [Theory]
    [InlineData("ch1", Channel.Ch1)]
    [InlineData("ch2a", Channel.Ch2a)]
    [InlineData("CH2B", Channel.Ch2b)]
    [InlineData(" ch3 ", Channel.Ch3)]
    public void Parses_channel_codes(string text, Channel expected)
    {
        Assert.Equal(expected, Channels.Parse(text));
        Assert.Equal(text.Trim().ToLowerInvariant(), expected.Code());
    }

    [Theory]
    [InlineData("ch2")]
    [InlineData("")]
    [InlineData("4")]
    public void Rejects_unknown_codes_naming_the_allowed_ones(string text)
    {
        Assert.False(Channels.TryParse(text, out _));
        var ex = Assert.Throws<ArgumentException>(() => Channels.Parse(text));
        Assert.Contains("ch1, ch2a, ch2b, ch3", ex.Message);
    }

    [SkippableFact]
    public void Counts_on_the_real_channel3_file_match_a_naive_parse()
    {
        string path = SharedData.Require("darkmachines/monojet_Zp2000.0_DM_50.0_chan3.csv");
        var expected = new Dictionary<Channel, int>();
        foreach (Channel c in Channels.All)
        {
            expected[c] = 0;
        }

        int lines = 0;
        foreach (string line in File.ReadLines(path))
        {
            if (line.Length == 0)
            {
                continue;
            }

            lines++;
            NaiveCount(line, expected);
        }

        List<Event> events = [.. DarkMachinesReader.Read(path)];
        Assert.Equal(lines, events.Count);
        foreach (Channel c in Channels.All)
        {
            Assert.Equal(expected[c], ChannelSelection.Filter(events, c).Count());
        }

        // A channel-3 signal file: most of it is selected by ch3 by construction.
        Assert.True(expected[Channel.Ch3] > events.Count / 2, $"ch3 keeps only {expected[Channel.Ch3]} of {events.Count}");
    }

    /// <summary>Independent cuts straight from the text line (MeV), without the library's event model.</summary>
    private static void NaiveCount(string line, Dictionary<Channel, int> counts)
    {
        string[] f = line.TrimEnd(';').Split(';');
        double met = D(f[3]) / 1000;
        double ht = 0;
        int leptons = 0, jets50 = 0, jets200 = 0;
        for (int i = 5; i < f.Length; i++)
        {
            string[] o = f[i].Split(',');
            double pt = D(o[2]) / 1000;
            if (o[0] is "j" or "b")
            {
                ht += pt;
                jets50 += pt > 50 ? 1 : 0;
                jets200 += pt > 200 ? 1 : 0;
            }
            else if (o[0] is "e-" or "e+" or "m-" or "m+" && pt > 15)
            {
                leptons++;
            }
        }

        counts[Channel.Ch1] += ht >= 600 && met >= 200 && met / ht >= 0.2 && jets50 >= 4 && jets200 >= 1 ? 1 : 0;
        counts[Channel.Ch2a] += met >= 50 && leptons >= 3 ? 1 : 0;
        counts[Channel.Ch2b] += met >= 50 && ht >= 50 && leptons >= 2 ? 1 : 0;
        counts[Channel.Ch3] += ht >= 600 && met >= 100 ? 1 : 0;
    }

    private static double D(string s) => double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture);

    private static PhysicsObject[] Ch1Jets(params double[] pts) => [.. pts.Select(pt => Obj(ObjectKind.Jet, pt))];

    private static PhysicsObject Obj(ObjectKind kind, double pt) => new(kind, pt * 1.1, pt, 0.5, 1.0);

    private static Event Make(double met, params PhysicsObject[] objects) => new("1", "test", 1.0, met, 0.3, objects);
}
