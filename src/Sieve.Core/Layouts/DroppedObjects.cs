using System.Globalization;
using Sieve.Core.Events;

namespace Sieve.Core.Layouts;

/// <summary>
/// Objects a fixed-size layout could not place, counted so truncation is never silent: objects
/// beyond a kind's slots (the lowest-pT ones go first) and every object of a kind the layout has no
/// slots for at all (e.g. generator hadrons <c>h</c> in the fixed-slot or Level-1 layout).
/// </summary>
/// <param name="PerKind">Dropped objects per kind; every kind is listed, zero included.</param>
/// <param name="EventsTruncated">Number of events that lost at least one object.</param>
/// <param name="ObjectsSeen">Objects the layout was given (placed plus dropped), for the dropped share.</param>
/// <param name="KindsWithoutSlots">Kinds that occurred but have no slots in the layout: all their objects are in <paramref name="PerKind"/>.</param>
public sealed record DroppedObjects(IReadOnlyDictionary<ObjectKind, long> PerKind, long EventsTruncated, long ObjectsSeen = 0,
    IReadOnlyList<ObjectKind>? KindsWithoutSlots = null)
{
    /// <summary>
    /// The largest share of objects a layout may drop before the verbs refuse it (unless told
    /// --allow-drop): beyond this a layout no longer describes the data it is given.
    /// </summary>
    public const double RefusalShare = 0.01;

    /// <summary>Total number of dropped objects.</summary>
    public long Total => PerKind.Values.Sum();

    /// <summary>Dropped objects as a share of those seen (0 when none were seen).</summary>
    public double Share => ObjectsSeen == 0 ? 0 : (double)Total / ObjectsSeen;

    /// <summary>Whether more than <see cref="RefusalShare"/> of the objects were dropped.</summary>
    public bool TooMany => Share > RefusalShare;

    /// <summary>A count of zero for every kind.</summary>
    public static DroppedObjects None { get; } = From(new long[ObjectKinds.WithHadron.Count], 0, 0, []);

    /// <summary>
    /// One line for people: how many of how many, per kind, and which kinds have no slots, e.g.
    /// "2000 of 2000 objects (100.0 %) in 1000 events; h: 2000 (no slots for this kind)".
    /// </summary>
    public string Describe()
    {
        IReadOnlyList<ObjectKind> without = KindsWithoutSlots ?? [];
        string perKind = string.Join(", ", PerKind.Where(k => k.Value > 0).Select(k =>
            string.Create(CultureInfo.InvariantCulture, $"{k.Key.Code()}: {k.Value}{(without.Contains(k.Key) ? " (no slots for this kind)" : " beyond the slots, lowest pT first")}")));
        return string.Create(CultureInfo.InvariantCulture,
            $"{Total} of {ObjectsSeen} objects ({100 * Share:F1} %) in {EventsTruncated} events; {perKind}");
    }

    /// <summary>The counts of two parts of one input together (chunks read one after the other).</summary>
    public DroppedObjects Plus(DroppedObjects other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var map = new Dictionary<ObjectKind, long>();
        foreach (ObjectKind kind in PerKind.Keys.Union(other.PerKind.Keys))
        {
            map[kind] = PerKind.GetValueOrDefault(kind) + other.PerKind.GetValueOrDefault(kind);
        }

        IReadOnlyList<ObjectKind> without = [.. (KindsWithoutSlots ?? []).Union(other.KindsWithoutSlots ?? [])];
        return new DroppedObjects(map, EventsTruncated + other.EventsTruncated, ObjectsSeen + other.ObjectsSeen, without);
    }

    internal static DroppedObjects From(long[] perKind, long eventsTruncated, long objectsSeen, IReadOnlyList<ObjectKind> kindsWithoutSlots)
    {
        var map = new Dictionary<ObjectKind, long>();
        foreach (ObjectKind kind in ObjectKinds.WithHadron)
        {
            map[kind] = perKind[(int)kind];
        }

        return new DroppedObjects(map, eventsTruncated, objectsSeen, kindsWithoutSlots);
    }
}
