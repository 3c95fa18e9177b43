using Sieve.Core.Events;
using Sieve.Core.Layouts;
using Sieve.Core.Tables;

namespace Sieve.Core.Tests.Layouts;

public class PerObjectLayoutTests
{
    [Fact]
    public void A_batch_gives_the_same_table_as_its_events()
    {
        var rng = new Random(7);
        for (int trial = 0; trial < 50; trial++)
        {
            List<Event> events = [.. Enumerable.Range(0, rng.Next(1, 30)).Select(i => RandomEvent(rng, i))];
            var batch = new EventBatch();
            events.ForEach(batch.Add);
            FeatureTable fromEvents = PerObjectLayout.ToTable(events), fromBatch = PerObjectLayout.ToTable(batch);
            Assert.Equal(fromEvents.RowCount, fromBatch.RowCount);
            Assert.Equal(fromEvents.Values, fromBatch.Values);
            Assert.Equal(fromEvents.ColumnOrder, fromBatch.ColumnOrder);
            for (int c = 0; c < fromEvents.SideChannels.Count; c++)
            {
                Assert.Equal(fromEvents.SideChannels[c].Name, fromBatch.SideChannels[c].Name);
                Assert.Equal(fromEvents.SideChannels[c].Values, fromBatch.SideChannels[c].Values);
            }
        }
    }

    [Fact]
    public void Inverse_of_layout_returns_the_events_for_random_events()
    {
        var rng = new Random(42);
        for (int trial = 0; trial < 50; trial++)
        {
            List<Event> events = [.. Enumerable.Range(0, rng.Next(1, 30)).Select(i => RandomEvent(rng, i))];
            FeatureTable table = PerObjectLayout.ToTable(events);

            Assert.Equal(events.Sum(e => Math.Max(1, e.Objects.Count)), table.RowCount);
            List<Event> back = [.. PerObjectLayout.ToEvents(table)];

            Assert.Equal(events.Count, back.Count);
            for (int i = 0; i < events.Count; i++)
            {
                Assert.Equal(events[i].Id, back[i].Id);
                Assert.Equal(events[i].ProcessId, back[i].ProcessId);
                Assert.Equal(events[i].Weight, back[i].Weight);
                Assert.Equal(events[i].Met, back[i].Met);
                Assert.Equal(events[i].MetPhi, back[i].MetPhi);
                Assert.Equal(events[i].Objects, back[i].Objects);
            }
        }
    }

    [Fact]
    public void Reconstructed_features_replace_only_the_object_values()
    {
        Event e = new("7", "ttbar", 1.5, 120.25, -0.5, [new PhysicsObject(ObjectKind.BJet, 200, 150, 0.3, 1.0), new PhysicsObject(ObjectKind.MuonPlus, 40, 39, -1.2, 2.0)]);
        FeatureTable table = PerObjectLayout.ToTable([e]);
        double[] changed = [.. table.Values.Select(v => v + 0.5)];
        Event back = PerObjectLayout.ToEvents(table.WithValues(changed)).Single();
        Assert.Equal(e.Met, back.Met);
        Assert.Equal(ObjectKind.MuonPlus, back.Objects[1].Kind);
        Assert.Equal(39.5, back.Objects[1].Pt);
    }

    private static Event RandomEvent(Random rng, int i)
    {
        int n = rng.Next(0, 8); // zero-object events included
        var objects = new List<PhysicsObject>();
        for (int k = 0; k < n; k++)
        {
            var kind = (ObjectKind)rng.Next(0, 7);
            double pt = 20 + (rng.NextDouble() * 500);
            objects.Add(new PhysicsObject(kind, pt * (1 + rng.NextDouble()), pt, (rng.NextDouble() * 5) - 2.5, (rng.NextDouble() * 6.2) - 3.1));
        }

        return new Event($"{i}", rng.Next(2) == 0 ? "ttbar" : "z_jets", rng.NextDouble(), rng.NextDouble() * 300, (rng.NextDouble() * 6) - 3, objects);
    }
}
