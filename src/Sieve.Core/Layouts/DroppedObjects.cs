using Sieve.Core.Events;

namespace Sieve.Core.Layouts;

/// <summary>
/// Objects a fixed-size layout could not place because an event had more objects of a kind than
/// slots: the lowest-pT ones are dropped and counted here, so truncation is never silent.
/// </summary>
/// <param name="PerKind">Dropped objects per kind; every kind is listed, zero included.</param>
/// <param name="EventsTruncated">Number of events that lost at least one object.</param>
public sealed record DroppedObjects(IReadOnlyDictionary<ObjectKind, long> PerKind, long EventsTruncated)
{
    /// <summary>Total number of dropped objects.</summary>
    public long Total => PerKind.Values.Sum();

    /// <summary>A count of zero for every kind.</summary>
    public static DroppedObjects None { get; } = From(new long[ObjectKinds.WithHadron.Count], 0);

    internal static DroppedObjects From(long[] perKind, long eventsTruncated)
    {
        var map = new Dictionary<ObjectKind, long>();
        foreach (ObjectKind kind in ObjectKinds.WithHadron)
        {
            map[kind] = perKind[(int)kind];
        }

        return new DroppedObjects(map, eventsTruncated);
    }
}
