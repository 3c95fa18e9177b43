namespace Sieve.IO.Root.Internal;

/// <summary>A TLeaf as streamed: what one branch stores per entry (type, length, counter).</summary>
internal sealed class LeafInfo
{
    public required string ClassName { get; init; }

    public required string Name { get; init; }

    public required string Title { get; init; }

    /// <summary>fLen: elements per entry (per counted item for jagged leaves); product of fixed dimensions.</summary>
    public int Length { get; init; }

    /// <summary>fLenType: bytes per element.</summary>
    public int ElementSize { get; init; }

    public bool IsUnsigned { get; init; }

    /// <summary>fLeafCount: the leaf that holds each entry's number of items, for jagged leaves.</summary>
    public LeafInfo? Count { get; init; }

    /// <summary>For TLeafElement: fType, the streamer type code of the member (3 int, 5 float, 8 double, ...).</summary>
    public int? TypeCode { get; init; }

    /// <summary>True when fLeafCount pointed at an object the reader could not resolve.</summary>
    public bool HasUnresolvedCount { get; init; }
}
