using Sieve.Core.Events;
using Sieve.Core.Layouts;
using Sieve.Core.Tables;
using Sieve.IO.DarkMachines;
using Sieve.Tests.Shared;

namespace Sieve.Core.Tests.Layouts;

public class Level1LayoutTests
{
    [Fact]
    public void Has_19_slots_of_pt_eta_phi_in_the_challenge_order()
    {
        Assert.Equal(57, Level1Layout.FeatureNames.Count);
        Assert.Equal(19, Level1Layout.SlotNames.Count);
        Assert.Equal(["met", "eg0", "eg1", "eg2", "eg3", "mu0", "mu1", "mu2", "mu3", "jet0"], Level1Layout.SlotNames.Take(10));
        Assert.Equal("jet9_phi", Level1Layout.FeatureNames[^1]);
    }

    [Fact]
    public void Inverse_returns_kinds_and_kinematics_within_slot_limits()
    {
        var rng = new Random(2021);
        for (int trial = 0; trial < 40; trial++)
        {
            // Group limits 4 e/gamma, 4 mu, 10 jets spread over kinds so no group overflows.
            List<Event> events = [.. Enumerable.Range(0, rng.Next(1, 30)).Select(i => RandomEvents.Make(rng, i, MaxWithinLimits))];
            SlotEncoding enc = Level1Layout.ToTable(events);
            Assert.Equal(0, enc.Dropped.Total);
            List<Event> back = [.. Level1Layout.ToEvents(enc.Table)];
            for (int i = 0; i < events.Count; i++)
            {
                Assert.Equal((events[i].Id, events[i].ProcessId, events[i].Weight, events[i].Met, events[i].MetPhi),
                    (back[i].Id, back[i].ProcessId, back[i].Weight, back[i].Met, back[i].MetPhi));
                List<PhysicsObject> expected = RandomEvents.Sorted(events[i].Objects, Group);
                Assert.Equal(expected.Select(o => (o.Kind, o.Pt, o.Eta, o.Phi)), back[i].Objects.Select(o => (o.Kind, o.Pt, o.Eta, o.Phi)));
                Assert.All(back[i].Objects, o => Assert.Equal(o.Pt * Math.Cosh(o.Eta), o.E)); // documented massless E
            }
        }
    }

    [Fact]
    public void Merged_groups_are_pt_ordered_masked_and_zero_padded()
    {
        Event e = new("5", "p", 1, 77, 0.7,
        [
            new(ObjectKind.Photon, 40, 40, 0.1, 0.1), new(ObjectKind.ElectronPlus, 60, 55, 0.2, 0.2),
            new(ObjectKind.BJet, 100, 90, 0.3, 0.3), new(ObjectKind.Jet, 200, 150, 0.4, 0.4), new(ObjectKind.MuonMinus, 30, 25, 0.5, 0.5),
        ]);
        SlotEncoding enc = Level1Layout.ToTable([e]);
        FeatureTable t = enc.Table;
        double V(string name) => t[0, t.IndexOf(name)];
        Assert.Equal((77.0, 0.0, 0.7), (V("met_pt"), V("met_eta"), V("met_phi")));
        Assert.Equal((55.0, 40.0, 0.0), (V("eg0_pt"), V("eg1_pt"), V("eg2_pt")));
        Assert.Equal((150.0, 90.0, 25.0), (V("jet0_pt"), V("jet1_pt"), V("mu0_pt")));
        Assert.Equal("e+,g|m-|j,b", t.SideChannels.Single(c => c.Name == Level1Layout.KindsChannel).Values[0]);

        double[] expectedSlots = [1, 1, 1, 0, 0, 1, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0];
        Assert.Equal(expectedSlots, enc.SlotMask);
        double[] mask = enc.FeatureMask();
        Assert.Equal(mask, Level1Layout.FeatureMask(t));
        Assert.Equal(expectedSlots.SelectMany(m => new[] { m, m, m }), mask);
        for (int j = 0; j < 57; j++)
        {
            Assert.True(mask[j] == 1 || t[0, j] == 0, $"padding feature {t.FeatureNames[j]} is {t[0, j]}");
        }
    }

    [Fact]
    public void Overflow_keeps_the_hardest_and_counts_per_original_kind()
    {
        // 6 e/gamma candidates for 4 slots: the two softest (a photon and an electron) are dropped.
        PhysicsObject[] eg = [.. new[] { 90.0, 80, 70, 60, 50, 40 }.Select((pt, i) => new PhysicsObject(i % 2 == 0 ? ObjectKind.Photon : ObjectKind.ElectronMinus, pt, pt, 0, 0))];
        PhysicsObject[] jets = [.. Enumerable.Range(0, 12).Select(i => new PhysicsObject(i < 11 ? ObjectKind.Jet : ObjectKind.BJet, 30 + i, 30 + i, 0, 0))];
        SlotEncoding enc = Level1Layout.ToTable([new Event("1", "p", 1, 10, 0, [.. eg, .. jets]), new Event("2", "p", 1, 10, 0, [])]);
        Assert.Equal(1, enc.Dropped.PerKind[ObjectKind.Photon]);
        Assert.Equal(1, enc.Dropped.PerKind[ObjectKind.ElectronMinus]);
        Assert.Equal(2, enc.Dropped.PerKind[ObjectKind.Jet]); // pT 30 and 31; the b-jet (41) is the hardest jet
        Assert.Equal(0, enc.Dropped.PerKind[ObjectKind.BJet]);
        Assert.Equal(4, enc.Dropped.Total);
        Assert.Equal(1, enc.Dropped.EventsTruncated);
        Assert.Equal(41.0, enc.Table[0, enc.Table.IndexOf("jet0_pt")]);
    }

    [Fact]
    public void Float_array_has_shape_N_19_3_in_table_order()
    {
        var rng = new Random(3);
        List<Event> events = [.. Enumerable.Range(0, 10).Select(i => RandomEvents.Make(rng, i, MaxWithinLimits))];
        FeatureTable t = Level1Layout.ToTable(events).Table;
        float[] array = Level1Layout.ToArray(t);
        Assert.Equal([10, 19, 3], Level1Layout.ArrayShape(10));
        Assert.Equal(10 * 19 * 3, array.Length);
        for (int r = 0; r < 10; r++)
        {
            for (int s = 0; s < 19; s++)
            {
                Assert.Equal((float)t[r, t.IndexOf($"{Level1Layout.SlotNames[s]}_eta")], array[(((r * 19) + s) * 3) + 1]);
            }
        }
    }

    [Fact]
    public void Malformed_kinds_channel_is_reported_with_row_and_text()
    {
        FeatureTable t = Level1Layout.ToTable([new Event("1", "p", 1, 10, 0, [])]).Table;
        var bad = new FeatureTable(t.FeatureNames, t.Values, 1, [.. t.SideChannels.Select(c => c.Name == "kinds" ? new SideChannel("kinds", ["j||"]) : c)], t.ColumnOrder);
        var ex = Assert.Throws<InvalidDataException>(() => Level1Layout.ToEvents(bad).ToList());
        Assert.Contains("row 1", ex.Message);
        Assert.Contains("'j||'", ex.Message);
    }

    [SkippableFact]
    public void Real_file_lays_out_and_comes_back_for_events_within_limits()
    {
        string path = SharedData.Require("darkmachines/monojet_Zp2000.0_DM_50.0_chan3.csv");
        List<Event> events = [.. DarkMachinesReader.Read(path)];
        SlotEncoding enc = Level1Layout.ToTable(events);
        List<Event> back = [.. Level1Layout.ToEvents(enc.Table)];
        Assert.Equal(events.Count, back.Count);
        Assert.Equal(events.Sum(e => e.Objects.Count) - back.Sum(e => e.Objects.Count), enc.Dropped.Total);
        for (int i = 0; i < events.Count; i++)
        {
            if (events[i].Objects.Count == back[i].Objects.Count)
            {
                Assert.Equal(RandomEvents.Sorted(events[i].Objects, Group).Select(o => (o.Kind, o.Pt, o.Eta, o.Phi)),
                    back[i].Objects.Select(o => (o.Kind, o.Pt, o.Eta, o.Phi)));
            }
        }
    }

    private static int MaxWithinLimits(ObjectKind kind) => kind switch
    {
        ObjectKind.Jet => 6,
        ObjectKind.BJet => 4,
        ObjectKind.MuonMinus or ObjectKind.MuonPlus => 2,
        ObjectKind.Photon => 2,
        _ => 1, // e-, e+: with 2 photons at most 4 e/gamma
    };

    private static int Group(ObjectKind kind) => kind switch
    {
        ObjectKind.ElectronMinus or ObjectKind.ElectronPlus or ObjectKind.Photon => 0,
        ObjectKind.MuonMinus or ObjectKind.MuonPlus => 1,
        _ => 2,
    };
}
