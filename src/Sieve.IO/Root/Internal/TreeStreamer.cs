namespace Sieve.IO.Root.Internal;

/// <summary>
/// Reads the streamed TTree, TBranch and TLeaf objects of ROOT 5 and 6 (TTree versions 16-20,
/// TBranch 10-13), member by member as their streamers write them. Members that the reader does
/// not need are skipped by byte count, so other versions of the attribute classes still read.
/// </summary>
internal static class TreeStreamer
{
    private static readonly Func<string, RootBuffer, object?> ReadAny = ReadClass;

    /// <summary>Reads a TTree (or TNtuple, whose first base is a TTree) from the start of its key's object.</summary>
    public static TreeInfo ReadTree(RootBuffer buffer, string className)
    {
        RootObjectHeader outer = default;
        bool wrapped = className != "TTree";
        if (wrapped)
        {
            // TNtuple and TNtupleD: their own header, then the TTree base, then fNvar.
            outer = buffer.ReadObjectHeader(className);
        }

        RootObjectHeader header = buffer.ReadObjectHeader("TTree");
        if (header.Version is < 16 or > 20)
        {
            throw buffer.Fail($"the TTree is streamed with version {header.Version}", "TTree versions 16 to 20 (ROOT 5.x and 6.x)");
        }

        (string name, string title) = ReadNamed(buffer);
        buffer.SkipObject("TAttLine");
        buffer.SkipObject("TAttFill");
        buffer.SkipObject("TAttMarker");
        long entries = buffer.ReadInt64();
        buffer.Skip(8 * 3); // fTotBytes, fZipBytes, fSavedBytes
        if (header.Version >= 18)
        {
            buffer.Skip(8); // fFlushedBytes
        }

        buffer.Skip(8 + (4 * 3)); // fWeight, fTimerInterval, fScanField, fUpdate
        if (header.Version >= 17)
        {
            buffer.Skip(4); // fDefaultEntryOffsetLen
        }

        int clusterRanges = 0;
        if (header.Version >= 19)
        {
            clusterRanges = buffer.ReadCount("the number of cluster ranges", 16);
        }

        buffer.Skip(8 * 4); // fMaxEntries, fMaxEntryLoop, fMaxVirtualSize, fAutoSave
        if (header.Version >= 18)
        {
            buffer.Skip(8); // fAutoFlush
        }

        buffer.Skip(8); // fEstimate
        if (header.Version >= 19)
        {
            // Each array of a counted pointer member is preceded by a one-byte marker.
            buffer.Skip(1 + (8 * clusterRanges));
            buffer.Skip(1 + (8 * clusterRanges));
        }

        if (header.Version >= 20)
        {
            buffer.SkipObject("ROOT::TIOFeatures");
        }

        if (entries < 0)
        {
            throw buffer.Fail($"the tree has {entries} entries", "a non-negative number of entries");
        }

        string part = buffer.Part;
        buffer.Part = $"{part}, branches";
        List<BranchInfo> branches = ReadArray(buffer).OfType<BranchInfo>().ToList();
        buffer.Part = part;

        // The rest (fLeaves, aliases, indices, friends, user info) is not needed.
        buffer.SkipObject(header);
        if (wrapped)
        {
            buffer.SkipObject(outer);
        }

        return new TreeInfo(className, name, title, entries, branches);
    }

    private static object? ReadClass(string className, RootBuffer buffer) => className switch
    {
        "TBranch" => ReadBranch(buffer, className, derived: false),
        _ when className.StartsWith("TBranch", StringComparison.Ordinal) => ReadBranch(buffer, className, derived: true),
        "TLeafElement" or "TLeafObject" or "TLeafF16" or "TLeafD32" => ReadLeaf(buffer, className),
        _ when className.StartsWith("TLeaf", StringComparison.Ordinal) && className.Length == 6 => ReadLeaf(buffer, className),
        _ => null,
    };

    /// <summary>A TObjArray: its elements, unknown classes as <see cref="RootUnknownObject"/>, nulls dropped.</summary>
    private static List<object> ReadArray(RootBuffer buffer)
    {
        RootObjectHeader header = buffer.ReadObjectHeader("TObjArray");
        ReadObject(buffer);
        buffer.ReadTString(); // fName
        int count = buffer.ReadCount("the number of array elements", 4);
        buffer.Skip(4); // fLowerBound
        var items = new List<object>(count);
        for (int i = 0; i < count; i++)
        {
            if (buffer.ReadObjectAny(ReadAny) is { } item)
            {
                items.Add(item);
            }
        }

        if (header.End is not null)
        {
            buffer.SkipObject(header);
        }

        return items;
    }

    private static void ReadObject(RootBuffer buffer)
    {
        short version = buffer.ReadInt16();
        if ((version & 0x4000) != 0)
        {
            buffer.Skip(4); // an old TObject written with a byte count
        }

        buffer.Skip(4); // fUniqueID
        uint bits = buffer.ReadUInt32();
        if ((bits & 0x10) != 0)
        {
            buffer.Skip(2); // kIsReferenced: the process id follows
        }
    }

    private static (string Name, string Title) ReadNamed(RootBuffer buffer)
    {
        RootObjectHeader header = buffer.ReadObjectHeader("TNamed");
        ReadObject(buffer);
        string name = buffer.ReadTString();
        string title = buffer.ReadTString();
        if (header.End is not null)
        {
            buffer.SkipObject(header);
        }

        return (name, title);
    }

    private static BranchInfo ReadBranch(RootBuffer buffer, string className, bool derived)
    {
        RootObjectHeader outer = default;
        if (derived)
        {
            outer = buffer.ReadObjectHeader(className);
        }

        RootObjectHeader header = buffer.ReadObjectHeader("TBranch");
        if (header.Version is < 10 or > 13)
        {
            throw buffer.Fail($"a {className} is streamed with TBranch version {header.Version}", "TBranch versions 10 to 13 (ROOT 5.x and 6.x)");
        }

        (string name, string title) = ReadNamed(buffer);
        string part = buffer.Part;
        buffer.Part = $"{part}, branch '{name}'";
        buffer.SkipObject("TAttFill");
        int compression = buffer.ReadInt32();
        buffer.Skip(4); // fBasketSize
        int entryOffsetLength = buffer.ReadInt32();
        int writeBasket = buffer.ReadInt32();
        buffer.Skip(8); // fEntryNumber
        if (header.Version >= 13)
        {
            buffer.SkipObject("ROOT::TIOFeatures");
        }

        buffer.Skip(4); // fOffset
        int maxBaskets = buffer.ReadCount("fMaxBaskets", 20);
        buffer.Skip(4); // fSplitLevel
        long entries = buffer.ReadInt64();
        if (header.Version >= 11)
        {
            buffer.Skip(8); // fFirstEntry
        }

        long totalBytes = buffer.ReadInt64();
        long zipBytes = buffer.ReadInt64();
        List<object> subBranches = ReadArray(buffer);
        List<object> leaves = ReadArray(buffer);
        int embedded = ReadArray(buffer).Count;
        buffer.Skip(1);
        int[] basketBytes = buffer.ReadInt32Array(maxBaskets);
        buffer.Skip(1);
        long[] basketEntry = buffer.ReadInt64Array(maxBaskets);
        buffer.Skip(1);
        long[] basketSeek = buffer.ReadInt64Array(maxBaskets);
        string fileName = buffer.ReadTString();
        buffer.SkipObject(header);

        string? elementClass = null;
        int? elementType = null;
        if (derived)
        {
            if (className == "TBranchElement" && outer.Version is >= 8 and <= 10)
            {
                // TBranchElement 8-10: fClassName, fParentName, fClonesName, fCheckSum,
                // fClassVersion (2 bytes from version 10, 4 before), fID, fType, ...
                elementClass = buffer.ReadTString();
                buffer.ReadTString(); // fParentName
                buffer.ReadTString(); // fClonesName
                buffer.Skip(4 + (outer.Version >= 10 ? 2 : 4) + 4); // fCheckSum, fClassVersion, fID
                elementType = buffer.ReadInt32();
            }

            buffer.SkipObject(outer);
        }

        if (writeBasket < 0 || writeBasket > maxBaskets || entries < 0)
        {
            throw buffer.Fail($"the branch says {writeBasket} baskets of {maxBaskets} and {entries} entries", "0 <= fWriteBasket <= fMaxBaskets and entries >= 0");
        }

        buffer.Part = part;
        var branch = new BranchInfo
        {
            ClassName = className,
            Name = name,
            Title = title,
            Compression = compression,
            EntryOffsetLength = entryOffsetLength,
            WriteBasket = writeBasket,
            Entries = entries,
            TotalBytes = totalBytes,
            ZipBytes = zipBytes,
            BasketBytes = basketBytes,
            BasketEntry = basketEntry,
            BasketSeek = basketSeek,
            EmbeddedBaskets = embedded,
            ElementClassName = elementClass,
            ElementType = elementType,
            FileName = fileName,
        };
        branch.Branches.AddRange(subBranches.OfType<BranchInfo>());
        branch.Leaves.AddRange(leaves);
        return branch;
    }

    private static LeafInfo ReadLeaf(RootBuffer buffer, string className)
    {
        RootObjectHeader outer = buffer.ReadObjectHeader(className);
        RootObjectHeader header = buffer.ReadObjectHeader("TLeaf");
        (string name, string title) = ReadNamed(buffer);
        int length = buffer.ReadInt32();
        int elementSize = buffer.ReadInt32();
        buffer.Skip(4); // fOffset
        buffer.Skip(1); // fIsRange
        bool isUnsigned = buffer.ReadBool();
        object? count = buffer.ReadObjectAny(ReadAny);
        if (header.End is not null)
        {
            buffer.SkipObject(header);
        }

        int? typeCode = null;
        if (className == "TLeafElement" && outer.Version == 1)
        {
            buffer.Skip(4); // fID
            typeCode = buffer.ReadInt32();
        }

        // The subclass adds its minimum and maximum (or element ids); they are not needed.
        if (outer.End is not null)
        {
            buffer.SkipObject(outer);
        }

        return new LeafInfo
        {
            ClassName = className,
            Name = name,
            Title = title,
            Length = length,
            ElementSize = elementSize,
            IsUnsigned = isUnsigned,
            Count = count as LeafInfo,
            HasUnresolvedCount = count is not null and not LeafInfo,
            TypeCode = typeCode,
        };
    }
}
