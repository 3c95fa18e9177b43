using Sieve.IO.Root.Internal;

namespace Sieve.IO.Root;

/// <summary>
/// A branch of a TTree: its leaves, entries, baskets and compression, and whether this reader can
/// decode it (plain numeric leaves: scalars, fixed-size and counter-sized arrays, leaf lists; and
/// the basic members of split objects and TClonesArrays).
/// </summary>
public sealed class RootBranch
{
    internal RootBranch(BranchInfo info, string? parent)
    {
        Info = info;
        Parent = parent;
        var leaves = new List<RootLeaf>();
        List<LeafInfo> known = info.Leaves.OfType<LeafInfo>().ToList();
        bool leafList = info.Leaves.Count > 1;
        foreach (object leaf in info.Leaves)
        {
            leaves.Add(leaf is LeafInfo l
                ? Describe(info, l, leafList ? $"{info.Name}.{l.Name}" : info.Name, leafList)
                : new RootLeaf(info.Name, info.Name, string.Empty, ((RootUnknownObject)leaf).ClassName, null, RootLeafShape.Scalar, 0, null,
                    $"leaf class {((RootUnknownObject)leaf).ClassName} is not a numeric leaf"));
        }

        Leaves = leaves;
        UnsupportedReason = BranchProblem(info) ?? leaves.FirstOrDefault(l => !l.IsSupported)?.UnsupportedReason;
    }

    /// <summary>Branch name.</summary>
    public string Name => Info.Name;

    /// <summary>Branch title (the leaf list, e.g. <c>pt/F</c>).</summary>
    public string Title => Info.Title;

    /// <summary>Branch class: TBranch for plain data; TBranchElement for C++ objects and containers.</summary>
    public string ClassName => Info.ClassName;

    /// <summary>For branches of C++ objects or containers: the class (e.g. <c>vector&lt;float&gt;</c>).</summary>
    public string? ElementClassName => Info.ElementClassName;

    /// <summary>The parent branch's name for sub-branches, else null.</summary>
    public string? Parent { get; }

    /// <summary>Number of entries.</summary>
    public long Entries => Info.Entries;

    /// <summary>Number of baskets on file.</summary>
    public int BasketCount => Info.WriteBasket;

    /// <summary>The branch's compression setting.</summary>
    public RootCompression Compression => new(Info.Compression);

    /// <summary>Uncompressed bytes of all baskets.</summary>
    public long TotalBytes => Info.TotalBytes;

    /// <summary>Compressed bytes of all baskets.</summary>
    public long CompressedBytes => Info.ZipBytes;

    /// <summary>The leaves (one for most branches; several for a leaf list).</summary>
    public IReadOnlyList<RootLeaf> Leaves { get; }

    /// <summary>Why the reader cannot decode this branch, or null when it can.</summary>
    public string? UnsupportedReason { get; }

    /// <summary>Whether the reader decodes this branch.</summary>
    public bool IsSupported => UnsupportedReason is null;

    /// <summary>Whether the branch holds one string per entry (a TLeafC), readable with <see cref="RootTree.ReadStrings"/>.</summary>
    public bool IsString => BranchProblem(Info) is null && Leaves.Count == 1 && Leaves[0].ClassName == "TLeafC" && Leaves[0].Shape == RootLeafShape.Scalar;

    /// <summary>Whether every leaf is one number per entry (the branch can become table columns).</summary>
    public bool IsFlatScalar => IsSupported && Leaves.Count > 0 && Leaves.All(l => l.Shape == RootLeafShape.Scalar);

    internal BranchInfo Info { get; }

    private static string? BranchProblem(BranchInfo info)
    {
        if (info.ClassName != "TBranch" && !IsSplitMember(info))
        {
            string what = info.ElementClassName is { Length: > 0 } cls ? $" of {cls}" : string.Empty;
            return $"branch class {info.ClassName}{what} holds C++ objects or containers, which are not supported";
        }

        if (info.Leaves.Count == 0)
        {
            return "the branch has no leaves";
        }

        if (info.FileName.Length > 0)
        {
            return $"the branch's baskets are in another file ({info.FileName})";
        }

        // fBasketEntry[fWriteBasket] is the first entry not in a basket on file.
        long onFile = info.WriteBasket == 0 ? 0 : info.WriteBasket < info.BasketEntry.Length ? info.BasketEntry[info.WriteBasket] : info.Entries;
        if (onFile < info.Entries && info.Entries > 0)
        {
            return $"{info.Entries - onFile} of the branch's {info.Entries} entries are in a basket kept in the tree's metadata (a tree saved while being filled), which is not supported";
        }

        return null;
    }

    /// <summary>
    /// A split object stores each basic member in a branch of its own as plain numbers: members of
    /// an object (fType 0), members of a TClonesArray's objects (fType 31, counted by the array's
    /// branch) and that branch's per-entry counts (fType 3). Those read like plain leaves.
    /// </summary>
    private static bool IsSplitMember(BranchInfo info) =>
        info.ClassName == "TBranchElement" && (info.Branches.Count == 0 || info.ElementType == 3) && info.Leaves.Count == 1
        && info.Leaves[0] is LeafInfo { ClassName: "TLeafElement" } leaf
        && (info.ElementType == 3 || (info.ElementType is 0 or 31 && MemberType(leaf.TypeCode) is not null));

    /// <summary>The element type and size of a streamer type code; fixed arrays add 20. Null for codes not plain numbers.</summary>
    private static (RootElementType Type, int Size)? MemberType(int? code) => (code is > 20 and < 40 ? code - 20 : code) switch
    {
        1 or 10 => (RootElementType.Int8, 1),
        2 => (RootElementType.Int16, 2),
        3 or 6 => (RootElementType.Int32, 4),
        4 or 16 => (RootElementType.Int64, 8),
        5 => (RootElementType.Float32, 4),
        8 => (RootElementType.Float64, 8),
        11 => (RootElementType.UInt8, 1),
        12 => (RootElementType.UInt16, 2),
        13 or 15 => (RootElementType.UInt32, 4),
        14 or 17 => (RootElementType.UInt64, 8),
        18 => (RootElementType.Bool, 1),
        _ => null,
    };

    private static RootLeaf Describe(BranchInfo branch, LeafInfo leaf, string column, bool leafList)
    {
        (RootElementType? type, int size) = leaf.ClassName switch
        {
            "TLeafElement" when branch.ElementType == 3 => (RootElementType.Int32, 4),
            "TLeafElement" when IsSplitMember(branch) => (MemberType(leaf.TypeCode)!.Value.Type, MemberType(leaf.TypeCode)!.Value.Size),
            "TLeafO" => (RootElementType.Bool, 1),
            "TLeafB" => (leaf.IsUnsigned ? RootElementType.UInt8 : RootElementType.Int8, 1),
            "TLeafS" => (leaf.IsUnsigned ? RootElementType.UInt16 : RootElementType.Int16, 2),
            "TLeafI" => (leaf.IsUnsigned ? RootElementType.UInt32 : RootElementType.Int32, 4),
            "TLeafL" or "TLeafG" => (leaf.IsUnsigned ? RootElementType.UInt64 : RootElementType.Int64, 8),
            "TLeafF" => (RootElementType.Float32, 4),
            "TLeafD" => (RootElementType.Float64, 8),
            _ => ((RootElementType?)null, 0),
        };
        // A TLeafC's fLen is the longest string plus one; it still holds one string per entry.
        RootLeafShape shape = leaf.Count is not null || leaf.HasUnresolvedCount ? RootLeafShape.Jagged
            : leaf.Length > 1 && leaf.ClassName != "TLeafC" ? RootLeafShape.FixedArray : RootLeafShape.Scalar;
        string? problem = null;
        if (type is null)
        {
            problem = leaf.ClassName switch
            {
                "TLeafC" => "strings (TLeafC) are not numbers (RootTree.ReadStrings reads them; tables keep them as text side channels)",
                "TLeafElement" => "leaves of C++ objects or containers (TLeafElement) are not supported",
                "TLeafF16" or "TLeafD32" => $"truncated floats ({leaf.ClassName}) are not supported",
                _ => $"leaf class {leaf.ClassName} is not supported",
            };
        }
        else if (leaf.ElementSize != size || leaf.Length < 1)
        {
            problem = $"the {leaf.ClassName} leaf says {leaf.ElementSize} bytes per element and {leaf.Length} elements per entry, which does not match its type ({size} bytes, at least 1 element), so it is not read rather than misread";
        }
        else if (leaf.HasUnresolvedCount)
        {
            problem = "the counter leaf of this jagged leaf could not be found";
        }
        else if (shape == RootLeafShape.Jagged && leafList)
        {
            problem = "a counter-sized array inside a leaf list is not supported";
        }
        else if (shape == RootLeafShape.Jagged && branch.EntryOffsetLength <= 0)
        {
            problem = "the jagged leaf's baskets have no entry offsets";
        }

        if (problem is not null)
        {
            problem += $"; supported: {SupportedText}";
        }

        return new RootLeaf(column, leaf.Name, leaf.Title, leaf.ClassName, type, shape, Math.Max(leaf.Length, 1), leaf.Count?.Name, problem);
    }

    /// <summary>What the reader decodes, for error messages.</summary>
    internal const string SupportedText = "bool, 8- to 64-bit signed and unsigned integers, float and double; scalars, fixed-size arrays, arrays sized by a counter leaf, and leaf lists";
}
