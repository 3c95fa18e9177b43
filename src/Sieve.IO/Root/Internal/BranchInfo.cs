namespace Sieve.IO.Root.Internal;

/// <summary>A TBranch (or subclass) as streamed: its leaves, sub-branches and where its baskets are.</summary>
internal sealed class BranchInfo
{
    public required string ClassName { get; init; }

    public required string Name { get; init; }

    public required string Title { get; init; }

    public int Compression { get; init; }

    public int EntryOffsetLength { get; init; }

    /// <summary>fWriteBasket: number of baskets written to the file.</summary>
    public int WriteBasket { get; init; }

    public long Entries { get; init; }

    public long TotalBytes { get; init; }

    public long ZipBytes { get; init; }

    public List<BranchInfo> Branches { get; } = [];

    /// <summary>Leaves: <see cref="LeafInfo"/> or <see cref="RootUnknownObject"/> for leaf classes not modelled.</summary>
    public List<object> Leaves { get; } = [];

    public int[] BasketBytes { get; init; } = [];

    public long[] BasketEntry { get; init; } = [];

    public long[] BasketSeek { get; init; } = [];

    /// <summary>Baskets kept inside the branch's metadata (a tree saved while still being filled).</summary>
    public int EmbeddedBaskets { get; init; }

    /// <summary>For TBranchElement: the C++ class or container of the branch (e.g. vector&lt;float&gt;).</summary>
    public string? ElementClassName { get; init; }

    /// <summary>
    /// For TBranchElement: fType, what the branch holds (0: a member of a split object, or the
    /// object itself; 3: the entry counts of a split TClonesArray; 31: a member of a split
    /// TClonesArray; 4 and 41: the same for STL collections).
    /// </summary>
    public int? ElementType { get; init; }

    /// <summary>fFileName: non-empty when the baskets are in another file.</summary>
    public string FileName { get; init; } = string.Empty;
}
