using Sieve.Core.Events;
using Sieve.Core.Layouts;

namespace Sieve.Core.Tests.Layouts;

/// <summary>
/// Slot layouts have no slots for generator hadrons (h): every such object is dropped, and must be
/// counted like an object beyond a kind's slots, with the share of objects lost.
/// </summary>
public class DroppedKindTests
{
    private static List<Event> Events(Random rng, int count, Func<int, ObjectKind> kind) =>
        [.. Enumerable.Range(0, count).Select(i => new Event($"{i}", "jj", 1, 10, 0.5,
            [.. Enumerable.Range(0, 2).Select(k => new PhysicsObject(kind(k), 120 + k, 100 + rng.NextDouble(), rng.NextDouble() - 0.5, rng.NextDouble() - 0.5))]))];

    [Fact]
    public void Fixed_slots_count_every_object_of_a_kind_without_slots()
    {
        List<Event> events = Events(new Random(3), 50, _ => ObjectKind.Hadron);
        DroppedObjects d = FixedSlotLayout.ToTable(events).Dropped;

        Assert.Equal(100, d.PerKind[ObjectKind.Hadron]);
        Assert.Equal(100, d.Total);
        Assert.Equal(100, d.ObjectsSeen);
        Assert.Equal(50, d.EventsTruncated);
        Assert.Equal([ObjectKind.Hadron], d.KindsWithoutSlots);
        Assert.Equal(1.0, d.Share);
        Assert.True(d.TooMany);
        Assert.Contains("h: 100 (no slots for this kind)", d.Describe(), StringComparison.Ordinal);
    }

    [Fact]
    public void Level1_counts_them_too_and_keeps_the_kinds_it_has_slots_for()
    {
        // One jet and one hadron per event: the jets fit, the hadrons have nowhere to go.
        List<Event> events = Events(new Random(4), 40, k => k == 0 ? ObjectKind.Jet : ObjectKind.Hadron);
        DroppedObjects d = Level1Layout.ToTable(events).Dropped;

        Assert.Equal(40, d.PerKind[ObjectKind.Hadron]);
        Assert.Equal(0, d.PerKind[ObjectKind.Jet]);
        Assert.Equal(80, d.ObjectsSeen);
        Assert.Equal(0.5, d.Share);
        Assert.Equal([ObjectKind.Hadron], d.KindsWithoutSlots);
    }

    [Fact]
    public void Overflow_alone_is_not_a_kind_without_slots_and_a_small_share_is_accepted()
    {
        // 7 jets in one event of 100 with 2 jets each: one jet beyond the 6 slots, 1 of 205 objects.
        List<Event> events = Events(new Random(5), 100, _ => ObjectKind.Jet);
        events[0] = events[0] with { Objects = [.. Enumerable.Range(0, 7).Select(k => new PhysicsObject(ObjectKind.Jet, 200, 150 - k, 0, 0))] };
        DroppedObjects d = FixedSlotLayout.ToTable(events).Dropped;

        Assert.Equal(1, d.Total);
        Assert.Equal(205, d.ObjectsSeen);
        Assert.Empty(d.KindsWithoutSlots!);
        Assert.False(d.TooMany);
        Assert.Contains("j: 1 beyond the slots", d.Describe(), StringComparison.Ordinal);
    }
}
