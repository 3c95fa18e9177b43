namespace Sieve.IO.Root.Internal;

/// <summary>
/// Reads entries of one branch in increasing order, keeping only the current basket in memory, so
/// reading a tree chunk by chunk decodes each basket once and holds one basket per branch.
/// </summary>
internal sealed class BranchCursor
{
    private readonly RootFile _file;
    private readonly RootBranch _branch;
    private readonly string _part;
    private readonly int _entrySize;
    private readonly int[] _leafOffsets;
    private Basket? _current;

    public BranchCursor(RootFile file, RootBranch branch, string part)
    {
        _file = file;
        _branch = branch;
        _part = part;
        _leafOffsets = new int[branch.Leaves.Count];
        foreach ((RootLeaf leaf, int i) in branch.Leaves.Select((l, i) => (l, i)))
        {
            _leafOffsets[i] = _entrySize;
            _entrySize += leaf.ElementType is { } type ? leaf.Length * ValueDecoder.SizeOf(type) : 0;
        }
    }

    /// <summary>The columns of entries [start, stop), one per leaf.</summary>
    public RootColumn[] Read(long start, long stop)
    {
        if (stop > _branch.Entries)
        {
            throw new RootFormatException(_file.Path, _part, $"entries up to {stop} are asked for, but the branch has {_branch.Entries}", "branches with as many entries as the tree");
        }

        int count = (int)(stop - start);
        return _branch.Leaves.Count == 1 && _branch.Leaves[0].Shape == RootLeafShape.Jagged
            ? [ReadJagged(_branch.Leaves[0], start, count)]
            : ReadFixed(start, count);
    }

    /// <summary>
    /// The strings of a TLeafC branch for entries [start, stop): each entry is a length byte (255:
    /// a 4-byte length follows) and that many Latin-1 bytes.
    /// </summary>
    public string[] ReadStrings(long start, long stop)
    {
        if (stop > _branch.Entries)
        {
            throw new RootFormatException(_file.Path, _part, $"entries up to {stop} are asked for, but the branch has {_branch.Entries}", "branches with as many entries as the tree");
        }

        int count = (int)(stop - start);
        var strings = new string[count];
        int row = 0;
        while (row < count)
        {
            Basket basket = BasketFor(start + row);
            int[] offsets = basket.Offsets ?? throw Fail(basket, "the basket of a string branch has no entry offsets", "entry offsets after the data");
            int local = (int)(start + row - basket.EntryStart);
            int run = (int)Math.Min(count - row, basket.EntryCount - local);
            for (int i = 0; i < run; i++)
            {
                int from = offsets[local + i];
                var entry = new RootBuffer(basket.Data, _file.Path, $"{_part}, entry {basket.EntryStart + local + i}", start: from, end: offsets[local + i + 1]);
                strings[row + i] = entry.ReadTString();
            }

            row += run;
        }

        return strings;
    }

    private RootColumn[] ReadFixed(long start, int count)
    {
        // Values are decoded basket run by basket run and joined at the end, so what is allocated
        // is bounded by the bytes the baskets really hold, whatever a corrupt leaf length says.
        IReadOnlyList<RootLeaf> leaves = _branch.Leaves;
        var runs = new List<double[]>[leaves.Count];
        for (int l = 0; l < leaves.Count; l++)
        {
            runs[l] = [];
        }

        int row = 0;
        while (row < count)
        {
            Basket basket = BasketFor(start + row);
            int local = (int)(start + row - basket.EntryStart);
            int run = (int)Math.Min(count - row, basket.EntryCount - local);
            if (basket.Offsets is null && basket.Border != (long)basket.EntryCount * _entrySize)
            {
                throw Fail(basket, $"the basket has {basket.Border} bytes for {basket.EntryCount} entries of {_entrySize} bytes", "fixed-size entries that fill the basket");
            }

            var segment = new double[leaves.Count][];
            for (int l = 0; l < leaves.Count; l++)
            {
                segment[l] = new double[run * leaves[l].Length];
                runs[l].Add(segment[l]);
            }

            for (int i = 0; i < run; i++)
            {
                int at = (local + i) * _entrySize;
                if (basket.Offsets is { } offsets)
                {
                    at = offsets[local + i];
                    if (offsets[local + i + 1] - at != _entrySize)
                    {
                        throw Fail(basket, $"entry {basket.EntryStart + local + i} has {offsets[local + i + 1] - at} bytes", $"{_entrySize} bytes per entry");
                    }
                }

                for (int l = 0; l < leaves.Count; l++)
                {
                    RootLeaf leaf = leaves[l];
                    int length = leaf.Length;
                    ValueDecoder.Decode(basket.Data.AsSpan(at + _leafOffsets[l]), leaf.ElementType!.Value, segment[l].AsSpan(i * length, length));
                }
            }

            row += run;
        }

        var columns = new RootColumn[leaves.Count];
        for (int l = 0; l < leaves.Count; l++)
        {
            double[] values = runs[l].Count == 1 ? runs[l][0] : Join(runs[l]);
            columns[l] = new RootColumn(leaves[l], count, values, null);
        }

        return columns;
    }

    private double[] Join(List<double[]> runs)
    {
        long total = runs.Sum(r => (long)r.Length);
        if (total > Array.MaxLength)
        {
            throw new RootFormatException(_file.Path, _part, $"a chunk would hold {total} values", "fewer entries per chunk");
        }

        var values = new double[total];
        int at = 0;
        foreach (double[] run in runs)
        {
            run.CopyTo(values, at);
            at += run.Length;
        }

        return values;
    }

    private RootColumn ReadJagged(RootLeaf leaf, long start, int count)
    {
        RootElementType type = leaf.ElementType!.Value;
        int size = ValueDecoder.SizeOf(type);
        var offsets = new int[count + 1];
        double[] values = new double[Math.Max(16, count)];
        int filled = 0;
        int row = 0;
        while (row < count)
        {
            Basket basket = BasketFor(start + row);
            int[] entryOffsets = basket.Offsets ?? throw Fail(basket, "the basket of a jagged leaf has no entry offsets", "entry offsets after the data");
            int local = (int)(start + row - basket.EntryStart);
            int run = (int)Math.Min(count - row, basket.EntryCount - local);
            for (int i = 0; i < run; i++)
            {
                int from = entryOffsets[local + i];
                int bytes = entryOffsets[local + i + 1] - from;
                if (bytes % (size * leaf.Length) != 0)
                {
                    throw Fail(basket, $"entry {basket.EntryStart + local + i} has {bytes} bytes", $"a multiple of {size * leaf.Length} bytes ({leaf.TypeDescription})");
                }

                int n = bytes / size;
                if (filled + n > values.Length)
                {
                    Array.Resize(ref values, Math.Max(values.Length * 2, filled + n));
                }

                ValueDecoder.Decode(basket.Data.AsSpan(from, bytes), type, values.AsSpan(filled, n));
                filled += n;
                offsets[row + i + 1] = filled;
            }

            row += run;
        }

        Array.Resize(ref values, filled);
        return new RootColumn(leaf, count, values, offsets);
    }

    private Basket BasketFor(long entry)
    {
        if (_current is { } current && entry >= current.EntryStart && entry < current.EntryStart + current.EntryCount)
        {
            return current;
        }

        BranchInfo info = _branch.Info;
        int low = 0;
        int high = info.WriteBasket - 1;
        int index = -1;
        while (low <= high)
        {
            int mid = (low + high) >>> 1;
            if (info.BasketEntry[mid] <= entry)
            {
                index = mid;
                low = mid + 1;
            }
            else
            {
                high = mid - 1;
            }
        }

        if (index < 0)
        {
            throw new RootFormatException(_file.Path, _part, $"no basket holds entry {entry}", "baskets that cover every entry from 0");
        }

        Basket basket = BasketReader.Read(_file, info, index, _part);
        if (entry >= basket.EntryStart + basket.EntryCount)
        {
            throw new RootFormatException(_file.Path, _part, $"no basket holds entry {entry} (basket {index} ends at {basket.EntryStart + basket.EntryCount})", "baskets that cover every entry");
        }

        _current = basket;
        return basket;
    }

    private RootFormatException Fail(Basket basket, string problem, string expected) =>
        new(_file.Path, $"{_part}, basket of entries {basket.EntryStart}-{basket.EntryStart + basket.EntryCount - 1}", problem, expected);
}
