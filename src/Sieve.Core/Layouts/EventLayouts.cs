using Sieve.Core.Events;
using Sieve.Core.Tables;

namespace Sieve.Core.Layouts;

/// <summary>One entry point to every event layout and its inverse.</summary>
public static class EventLayouts
{
    /// <summary>Lays out events; fixed-slot counts come from <paramref name="slots"/> (defaults when null).</summary>
    public static LaidOutEvents ToTable(LayoutKind kind, IEnumerable<Event> events, FixedSlotOptions? slots = null)
    {
        switch (kind)
        {
            case LayoutKind.PerObject:
                return new LaidOutEvents(PerObjectLayout.ToTable(events), null, DroppedObjects.None);
            case LayoutKind.FixedSlots:
                SlotEncoding fixedSlots = FixedSlotLayout.ToTable(events, slots);
                return new LaidOutEvents(fixedSlots.Table, fixedSlots.FeatureMask(), fixedSlots.Dropped) { Shape = RowShape.OfSlots(fixedSlots.SlotCount, fixedSlots.FeatureSlots) };
            case LayoutKind.Level1:
                SlotEncoding level1 = Level1Layout.ToTable(events);
                return new LaidOutEvents(level1.Table, level1.FeatureMask(), level1.Dropped) { Shape = RowShape.OfSlots(level1.SlotCount, level1.FeatureSlots) };
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown layout");
        }
    }

    /// <summary>Back from a laid-out table (or its reconstruction) to events.</summary>
    public static IEnumerable<Event> ToEvents(LayoutKind kind, FeatureTable table, FixedSlotOptions? slots = null) => kind switch
    {
        LayoutKind.PerObject => PerObjectLayout.ToEvents(table),
        LayoutKind.FixedSlots => FixedSlotLayout.ToEvents(table, slots),
        LayoutKind.Level1 => Level1Layout.ToEvents(table),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown layout"),
    };
}
