using Sieve.Core.Events;

namespace Sieve.Core.Layouts.Internal;

/// <summary>
/// A run of slots filled by objects of some kinds, highest pT first (e.g. the L1 e/gamma slots take
/// electrons and photons together). <paramref name="Prefix"/> names the slots: <c>{Prefix}{i}</c>.
/// </summary>
internal sealed record SlotGroup(string Prefix, IReadOnlyList<ObjectKind> Kinds, int Slots)
{
    public bool Takes(ObjectKind kind) => Kinds.Contains(kind);

    public string SlotName(int i) => $"{Prefix}{i}";

    /// <summary>
    /// Clears <paramref name="kept"/> and fills it with the group's objects of <paramref name="e"/>,
    /// highest pT first (stable for equal pT), at most <see cref="Slots"/> of them; the kinds of the
    /// objects left over are added to <paramref name="droppedPerKind"/>. Returns how many were dropped.
    /// </summary>
    public int Fill(Event e, List<PhysicsObject> kept, long[] droppedPerKind)
    {
        kept.Clear();
        foreach (PhysicsObject o in e.Objects)
        {
            if (Takes(o.Kind))
            {
                kept.Add(o);
            }
        }

        // OrderByDescending is stable (List.Sort is not): objects of equal pT keep the event order.
        PhysicsObject[] ordered = [.. kept.OrderByDescending(o => o.Pt)];
        kept.Clear();
        int dropped = Math.Max(0, ordered.Length - Slots);
        for (int i = 0; i < ordered.Length; i++)
        {
            if (i < Slots)
            {
                kept.Add(ordered[i]);
            }
            else
            {
                droppedPerKind[(int)ordered[i].Kind]++;
            }
        }

        return dropped;
    }

    /// <summary>Per object kind (by its value), whether one of <paramref name="groups"/> has slots for it; computed once per layout.</summary>
    public static bool[] KindsWithSlots(IReadOnlyList<SlotGroup> groups)
    {
        var withSlots = new bool[ObjectKinds.WithHadron.Count];
        foreach (ObjectKind kind in ObjectKinds.WithHadron)
        {
            withSlots[(int)kind] = groups.Any(g => g.Takes(kind));
        }

        return withSlots;
    }

    /// <summary>
    /// Counts the objects of <paramref name="e"/> whose kind no group takes (<paramref name="withSlots"/>
    /// from <see cref="KindsWithSlots"/>) into <paramref name="droppedPerKind"/>, and marks the kind in
    /// <paramref name="withoutSlots"/>: a layout without slots for a kind loses all of its objects,
    /// and must say so like any overflow. Returns how many there were.
    /// </summary>
    public static int DropKindsWithoutSlots(Event e, bool[] withSlots, long[] droppedPerKind, bool[] withoutSlots)
    {
        int dropped = 0;
        foreach (PhysicsObject o in e.Objects)
        {
            if (!withSlots[(int)o.Kind])
            {
                droppedPerKind[(int)o.Kind]++;
                withoutSlots[(int)o.Kind] = true;
                dropped++;
            }
        }

        return dropped;
    }

    /// <summary>The kinds flagged in <paramref name="withoutSlots"/>, in kind order.</summary>
    public static IReadOnlyList<ObjectKind> Flagged(bool[] withoutSlots) =>
        [.. ObjectKinds.WithHadron.Where(k => withoutSlots[(int)k])];
}
