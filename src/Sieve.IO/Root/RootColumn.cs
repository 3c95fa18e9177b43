namespace Sieve.IO.Root;

/// <summary>
/// The values of one leaf over a range of entries, widened to double. Scalars and fixed arrays
/// have <see cref="RootLeaf.Length"/> values per entry; jagged leaves have <see cref="Offsets"/>.
/// </summary>
public sealed class RootColumn
{
    internal RootColumn(RootLeaf leaf, int entryCount, double[] values, int[]? offsets)
    {
        Leaf = leaf;
        EntryCount = entryCount;
        Values = values;
        Offsets = offsets;
    }

    /// <summary>The leaf read.</summary>
    public RootLeaf Leaf { get; }

    /// <summary>Column name (<see cref="RootLeaf.Column"/>).</summary>
    public string Name => Leaf.Column;

    /// <summary>Number of entries.</summary>
    public int EntryCount { get; }

    /// <summary>All values, entry after entry.</summary>
    public double[] Values { get; }

    /// <summary>For jagged leaves: entry i's values are Values[Offsets[i]..Offsets[i + 1]] (EntryCount + 1 values); else null.</summary>
    public int[]? Offsets { get; }

    /// <summary>The values of one entry.</summary>
    public ReadOnlySpan<double> Entry(int entry)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(entry);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(entry, EntryCount);
        return Offsets is { } o
            ? Values.AsSpan(o[entry], o[entry + 1] - o[entry])
            : Values.AsSpan(entry * Leaf.Length, Leaf.Length);
    }
}
