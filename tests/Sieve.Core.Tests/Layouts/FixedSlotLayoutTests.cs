using Sieve.Core.Events;
using Sieve.Core.Layouts;
using Sieve.Core.Tables;
using Sieve.IO.DarkMachines;
using Sieve.Tests.Shared;

namespace Sieve.Core.Tests.Layouts;

public class FixedSlotLayoutTests
{
    private static readonly FixedSlotOptions WithEnergy = new() { IncludeEnergy = true };

    [Fact]
    public void Default_layout_has_named_features_met_first()
    {
        IReadOnlyList<string> names = FixedSlotLayout.FeatureNames();
        Assert.Equal(3 * (1 + 6 + 4 + 4 + 4 + 4), names.Count);
        Assert.Equal(["met_pt", "met_eta", "met_phi", "j0_pt", "j0_eta", "j0_phi"], names.Take(6));
        Assert.Equal("g3_phi", names[^1]);
        Assert.Equal(23, FixedSlotLayout.SlotNames().Count);
    }

    [Theory]
    [InlineData(false, false, false)]
    [InlineData(true, false, false)]
    [InlineData(true, true, true)]
    [InlineData(false, true, true)]
    public void Inverse_returns_the_events_within_slot_limits(bool energy, bool charge, bool labels)
    {
        var options = new FixedSlotOptions { Jets = 5, BJets = 3, Electrons = 2, Muons = 3, Photons = 2, IncludeEnergy = energy, IncludeChargeFeature = charge, IncludeKindLabels = labels };
        var rng = new Random(1234);
        for (int trial = 0; trial < 30; trial++)
        {
            List<Event> events = [.. Enumerable.Range(0, rng.Next(1, 40)).Select(i => RandomEvents.Make(rng, i, k => MaxWithin(options, k)))];
            SlotEncoding enc = FixedSlotLayout.ToTable(events, options);

            Assert.Equal(0, enc.Dropped.Total);
            Assert.Equal(0, enc.Dropped.EventsTruncated);
            Assert.Equal(events.Count, enc.Table.RowCount);
            List<Event> back = [.. FixedSlotLayout.ToEvents(enc.Table, options)];
            Assert.Equal(events.Count, back.Count);
            for (int i = 0; i < events.Count; i++)
            {
                Assert.Equal(events[i].Id, back[i].Id);
                Assert.Equal(events[i].ProcessId, back[i].ProcessId);
                Assert.Equal(events[i].Weight, back[i].Weight);
                Assert.Equal(events[i].Met, back[i].Met);
                Assert.Equal(events[i].MetPhi, back[i].MetPhi);
                List<PhysicsObject> expected = RandomEvents.Sorted(events[i].Objects, Group);
                Assert.Equal(expected.Count, back[i].Objects.Count);
                for (int k = 0; k < expected.Count; k++)
                {
                    PhysicsObject want = expected[k], got = back[i].Objects[k];
                    Assert.Equal((want.Kind, want.Pt, want.Eta, want.Phi), (got.Kind, got.Pt, got.Eta, got.Phi));
                    Assert.Equal(energy ? want.E : want.Pt * Math.Cosh(want.Eta), got.E);
                }
            }
        }
    }

    [Fact]
    public void Masks_match_the_objects_and_padding_is_zero()
    {
        var options = new FixedSlotOptions { IncludeEnergy = true, IncludeChargeFeature = true, IncludeKindLabels = true };
        var rng = new Random(7);
        List<Event> events = [.. Enumerable.Range(0, 200).Select(i => RandomEvents.Make(rng, i, k => MaxWithin(options, k)))];
        SlotEncoding enc = FixedSlotLayout.ToTable(events, options);
        double[] featureMask = enc.FeatureMask();
        Assert.Equal(featureMask, FixedSlotLayout.FeatureMask(enc.Table, options)); // from the side channel alone
        int f = enc.Table.FeatureCount;
        for (int r = 0; r < events.Count; r++)
        {
            // Slot mask: MET always, then per group exactly as many leading slots as objects.
            Assert.Equal(1.0, enc.SlotMask[r * enc.SlotCount]);
            for (int s = 1; s < enc.SlotCount; s++)
            {
                string slot = enc.SlotNames[s];
                int n = events[r].Objects.Count(o => GroupPrefix(o.Kind) == slot[..1]);
                Assert.Equal(int.Parse(slot[1..]) < n ? 1.0 : 0.0, enc.SlotMask[(r * enc.SlotCount) + s]);
            }

            for (int j = 0; j < f; j++)
            {
                if (featureMask[(r * f) + j] == 0)
                {
                    Assert.Equal(0.0, enc.Table[r, j]);
                }
            }

            Assert.Equal(events[r].Objects.Count, Enumerable.Range(0, f).Count(j => enc.Table.FeatureNames[j].EndsWith("_pt", StringComparison.Ordinal) && !enc.Table.FeatureNames[j].StartsWith("met", StringComparison.Ordinal) && featureMask[(r * f) + j] == 1));
        }
    }

    [Fact]
    public void Features_of_one_event_sit_in_their_named_slots()
    {
        var options = new FixedSlotOptions { IncludeEnergy = true, IncludeChargeFeature = true, IncludeKindLabels = true };
        Event e = new("42", "p", 0.5, 123.0, -1.0,
        [
            new(ObjectKind.Jet, 60, 50, 0.1, 0.2), new(ObjectKind.MuonPlus, 31, 30, -0.3, 1.1),
            new(ObjectKind.Jet, 310, 300, 0.4, -0.5), new(ObjectKind.ElectronMinus, 21, 20, 1.0, 2.0),
        ]);
        FeatureTable t = FixedSlotLayout.ToTable([e], options).Table;
        double V(string name) => t[0, t.IndexOf(name)];
        Assert.Equal((123.0, 0.0, -1.0, 123.0), (V("met_pt"), V("met_eta"), V("met_phi"), V("met_E")));
        Assert.Equal((300.0, 310.0, 50.0), (V("j0_pt"), V("j0_E"), V("j1_pt")));
        Assert.Equal((1.0, 0.0), (V("j0_kind_j"), V("j0_kind_b")));
        Assert.Equal((30.0, 1.0, 1.0), (V("m0_pt"), V("m0_q"), V("m0_kind_m")));
        Assert.Equal((20.0, -1.0), (V("e0_pt"), V("e0_q")));
        Assert.Equal(0.0, V("j2_kind_j"));
        Assert.Equal("2,0,1,1,0", t.SideChannels.Single(c => c.Name == FixedSlotLayout.CountsChannel).Values[0]);
        Assert.Equal("-|+", t.SideChannels.Single(c => c.Name == FixedSlotLayout.ChargesChannel).Values[0]);
        Assert.Equal(["event_id", "process_id", "weight", "counts", "charges"], t.SideChannels.Select(c => c.Name));
    }

    [Fact]
    public void Over_the_limit_keeps_the_highest_pt_and_counts_what_was_dropped()
    {
        var options = new FixedSlotOptions { Jets = 2, BJets = 1, Electrons = 1, Muons = 1, Photons = 0 };
        var rng = new Random(99);
        for (int trial = 0; trial < 20; trial++)
        {
            List<Event> events = [.. Enumerable.Range(0, 30).Select(i => RandomEvents.Make(rng, i, _ => 4))];
            SlotEncoding enc = FixedSlotLayout.ToTable(events, options);
            foreach (ObjectKind kind in ObjectKinds.All)
            {
                long expected = events.Sum(e => DroppedOfKind(e, kind, options));
                Assert.Equal(expected, enc.Dropped.PerKind[kind]);
            }

            Assert.Equal(events.Count(e => ObjectKinds.All.Any(k => DroppedOfKind(e, k, options) > 0)), enc.Dropped.EventsTruncated);

            List<Event> back = [.. FixedSlotLayout.ToEvents(enc.Table, options)];
            for (int i = 0; i < events.Count; i++)
            {
                // What comes back is the top-pT objects of each group.
                List<PhysicsObject> kept = [.. RandomEvents.Sorted(events[i].Objects, Group)
                    .GroupBy(o => Group(o.Kind)).SelectMany(g => g.Take(Limit(options, g.First().Kind)))];
                Assert.Equal(kept.Select(o => (o.Kind, o.Pt, o.Eta, o.Phi)), back[i].Objects.Select(o => (o.Kind, o.Pt, o.Eta, o.Phi)));
            }
        }
    }

    [Fact]
    public void Charge_comes_back_from_the_q_feature_when_the_side_channel_is_gone()
    {
        var options = new FixedSlotOptions { IncludeChargeFeature = true };
        Event e = new("1", "p", 1, 10, 0, [new(ObjectKind.ElectronPlus, 21, 20, 0, 0), new(ObjectKind.MuonMinus, 31, 30, 0, 0), new(ObjectKind.MuonPlus, 26, 25, 0, 0)]);
        FeatureTable t = FixedSlotLayout.ToTable([e], options).Table;
        var stripped = new FeatureTable(t.FeatureNames, t.Values, t.RowCount, [.. t.SideChannels.Where(c => c.Name != FixedSlotLayout.ChargesChannel)], t.ColumnOrder);
        Assert.Equal([ObjectKind.ElectronPlus, ObjectKind.MuonMinus, ObjectKind.MuonPlus], FixedSlotLayout.ToEvents(stripped, options).Single().Objects.Select(o => o.Kind));

        var noCharge = new FeatureTable(t.FeatureNames, t.Values, t.RowCount, stripped.SideChannels, t.ColumnOrder);
        Assert.Throws<ArgumentException>(() => FixedSlotLayout.ToEvents(noCharge, options with { IncludeChargeFeature = false }).ToList());
    }

    [Fact]
    public void Errors_name_the_problem()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => FixedSlotLayout.ToTable([], new FixedSlotOptions { Muons = -1 }));
        Assert.Contains("Muons", ex.Message);

        FeatureTable t = FixedSlotLayout.ToTable([new Event("1", "p", 1, 10, 0, [])]).Table;
        var missing = Assert.Throws<ArgumentException>(() => FixedSlotLayout.ToEvents(t, WithEnergy).ToList());
        Assert.Contains("met_E", missing.Message);

        var badCounts = new FeatureTable(t.FeatureNames, t.Values, 1, [.. t.SideChannels.Select(c => c.Name == "counts" ? new SideChannel("counts", ["9,0,0,0,0"]) : c)], t.ColumnOrder);
        var bad = Assert.Throws<InvalidDataException>(() => FixedSlotLayout.ToEvents(badCounts).ToList());
        Assert.Contains("row 1", bad.Message);
        Assert.Contains("9,0,0,0,0", bad.Message);
    }

    [SkippableFact]
    public void Real_file_round_trips_within_limits_and_reports_truncation()
    {
        string path = SharedData.Require("darkmachines/monojet_Zp2000.0_DM_50.0_chan3.csv");
        List<Event> events = [.. DarkMachinesReader.Read(path)];
        SlotEncoding enc = FixedSlotLayout.ToTable(events, WithEnergy);
        List<Event> back = [.. FixedSlotLayout.ToEvents(enc.Table, WithEnergy)];
        long dropped = 0;
        for (int i = 0; i < events.Count; i++)
        {
            dropped += events[i].Objects.Count - back[i].Objects.Count;
            if (ObjectKinds.All.All(k => DroppedOfKind(events[i], k, WithEnergy) == 0))
            {
                Assert.Equal(RandomEvents.Sorted(events[i].Objects, Group), back[i].Objects);
            }
        }

        Assert.Equal(dropped, enc.Dropped.Total);
    }

    private static long DroppedOfKind(Event e, ObjectKind kind, FixedSlotOptions options)
    {
        List<PhysicsObject> group = [.. RandomEvents.Sorted(e.Objects.Where(o => Group(o.Kind) == Group(kind)), Group)];
        return group.Skip(Limit(options, kind)).Count(o => o.Kind == kind);
    }

    /// <summary>Per kind, a maximum such that the two charges of a lepton group together still fit.</summary>
    private static int MaxWithin(FixedSlotOptions o, ObjectKind kind) => kind switch
    {
        ObjectKind.ElectronMinus or ObjectKind.MuonMinus => Limit(o, kind) / 2,
        ObjectKind.ElectronPlus or ObjectKind.MuonPlus => Limit(o, kind) - (Limit(o, kind) / 2),
        _ => Limit(o, kind),
    };

    private static int Limit(FixedSlotOptions o, ObjectKind kind) => Group(kind) switch
    {
        0 => o.Jets,
        1 => o.BJets,
        2 => o.Electrons,
        3 => o.Muons,
        _ => o.Photons,
    };

    private static int Group(ObjectKind kind) => kind switch
    {
        ObjectKind.Jet => 0,
        ObjectKind.BJet => 1,
        ObjectKind.ElectronMinus or ObjectKind.ElectronPlus => 2,
        ObjectKind.MuonMinus or ObjectKind.MuonPlus => 3,
        _ => 4,
    };

    private static string GroupPrefix(ObjectKind kind) => new[] { "j", "b", "e", "m", "g" }[Group(kind)];
}
