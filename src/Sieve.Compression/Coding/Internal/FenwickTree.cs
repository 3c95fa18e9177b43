namespace Sieve.Compression.Coding.Internal;

/// <summary>
/// Binary indexed tree over symbol frequencies: prefix sums, updates and "which symbol holds this
/// cumulative value" in O(log n), so an adaptive model over thousands of symbols stays fast.
/// </summary>
internal sealed class FenwickTree
{
    private readonly uint[] _tree; // 1-based
    private readonly int _topBit;

    public FenwickTree(int size)
    {
        _tree = new uint[size + 1];
        _topBit = size == 0 ? 0 : 1 << (31 - System.Numerics.BitOperations.LeadingZeroCount((uint)size));
    }

    public int Size => _tree.Length - 1;

    public void Rebuild(ReadOnlySpan<uint> frequencies)
    {
        Array.Clear(_tree);
        for (int i = 1; i <= Size; i++)
        {
            _tree[i] += frequencies[i - 1];
            int parent = i + (i & -i);
            if (parent <= Size)
            {
                _tree[parent] += _tree[i];
            }
        }
    }

    public void Add(int index, uint delta)
    {
        for (int i = index + 1; i <= Size; i += i & -i)
        {
            _tree[i] += delta;
        }
    }

    /// <summary>Sum of frequencies of symbols 0..index-1.</summary>
    public uint Prefix(int index)
    {
        uint sum = 0;
        for (int i = index; i > 0; i -= i & -i)
        {
            sum += _tree[i];
        }

        return sum;
    }

    /// <summary>The symbol whose interval holds <paramref name="value"/> and its cumulative start.</summary>
    public int Find(uint value, out uint cumulative)
    {
        int position = 0;
        uint remaining = value;
        for (int step = _topBit; step > 0; step >>= 1)
        {
            int next = position + step;
            if (next <= Size && _tree[next] <= remaining)
            {
                position = next;
                remaining -= _tree[next];
            }
        }

        cumulative = value - remaining;
        return position;
    }
}
