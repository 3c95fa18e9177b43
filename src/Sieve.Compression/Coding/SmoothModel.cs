using Sieve.Compression.Coding.Internal;

namespace Sieve.Compression.Coding;

/// <summary>
/// A compact static model: a coarse histogram of bins of 2^p consecutive symbols, each bin's
/// count stored on a log scale in about one byte, spread evenly over the bin's symbols and
/// quantised to a total of exactly <see cref="FrequencyModel.Total"/> = 2^16.
/// </summary>
/// <remarks>
/// <para>
/// Why: a <see cref="FrequencyModel"/> stores one frequency per symbol, which on a stream of a
/// few ten thousand symbols over a window of hundreds costs 0.15-0.25 bits per symbol. On smooth
/// distributions a histogram of bins 8-16 symbols wide stored as log counts costs a tenth of that
/// and loses only a few hundredths of a bit per symbol to the coarser shape.
/// </para>
/// <para>
/// The window (at most <see cref="FrequencyModel.MaxSpan"/> consecutive values) and the escape for
/// symbols outside it are chosen and coded exactly as in <see cref="FrequencyModel"/>. Bins of
/// 2^p symbols cover the window from its lowest symbol; the last bin may be narrower. A bin with
/// count n stores <c>c = 0</c> when n is 0, else <c>round(8 log2 n) + 1</c> (at most
/// <see cref="MaxLogCount"/>), so the decoded count is 2^((c-1)/8); the escape's count is stored
/// the same way (0 = no escape). Symbols of a bin with c = 0 get frequency 0.
/// </para>
/// <para>
/// Frequencies are rebuilt from the stored values with integer arithmetic only, so encoder and
/// decoder agree on every platform: decoded count <c>D(c) = T[(c-1) &amp; 7] &lt;&lt; ((c-1) &gt;&gt; 3)</c>
/// with <c>T[j] = round(2^(j/8) 2^16)</c>; a symbol of bin b weighs <c>(D(c_b) &lt;&lt; 10) / width_b</c>
/// and the escape <c>D(c_escape)</c>. Every entry of positive weight gets frequency 1; the
/// remaining <c>R = 2^16 - used</c> units go out as <c>floor(w R / W)</c> (W the sum of weights,
/// in 128-bit arithmetic), and what is left after that goes one unit each to the entries with the
/// largest remainders <c>w R mod W</c>, ties to the lower index (the escape is last).
/// </para>
/// <para>
/// Serialised form (varints unsigned LEB128): <c>zigzag(lowest)</c>, <c>varint span</c> (1..2^14),
/// <c>u8 p</c> (0..<see cref="MaxBinWidthLog2"/>, bin width 2^p), then ceil(span / 2^p)
/// <c>varint c_b</c> in window order, then <c>varint c_escape</c>. Each c is at most
/// <see cref="MaxLogCount"/>. The first and last bins are never empty (the window starts and ends
/// on symbols that occur), and at least one weight is nonzero.
/// </para>
/// </remarks>
public sealed class SmoothModel : ISymbolModel
{
    /// <summary>Widest bin accepted: 2^10 symbols.</summary>
    public const int MaxBinWidthLog2 = 10;

    /// <summary>Largest stored log count (8 * 30 + 1), which keeps every weight below 2^57.</summary>
    public const int MaxLogCount = (8 * 30) + 1;

    private const int Total = FrequencyModel.Total;

    // round(2^(j/8) * 2^16): the mantissas of the decoded counts, fixed so that no floating point
    // (whose last bits may differ between platforms) ever enters the decoder's frequencies.
    private static readonly long[] Mantissa = [65536, 71468, 77936, 84990, 92682, 101070, 110218, 120194];

    private readonly byte[] _logCounts; // one per bin
    private readonly byte _escapeLogCount;
    private readonly WindowedFrequencies _table;

    private SmoothModel(int lowest, int span, int binWidthLog2, byte[] logCounts, byte escapeLogCount, long offset)
    {
        BinWidthLog2 = binWidthLog2;
        _logCounts = logCounts;
        _escapeLogCount = escapeLogCount;
        _table = new WindowedFrequencies(lowest, Quantise(span, binWidthLog2, logCounts, escapeLogCount, offset));
    }

    /// <summary>First symbol of the window.</summary>
    public int Lowest => _table.Lowest;

    /// <summary>Number of consecutive symbols in the window.</summary>
    public int Span => _table.Span;

    /// <summary>log2 of the bin width: bins hold 2^<see cref="BinWidthLog2"/> symbols (the last one possibly fewer).</summary>
    public int BinWidthLog2 { get; }

    /// <summary>Whether symbols outside the window occur (the escape has a nonzero frequency).</summary>
    public bool HasEscape => EscapeFrequency > 0;

    /// <summary>Quantised frequency of the escape symbol (0 when none).</summary>
    public int EscapeFrequency => _table.EscapeFrequency;

    /// <summary>True when a single entry (symbol or escape) holds the whole total: such a model codes nothing but that entry, at no cost.</summary>
    internal bool CodesOneEntry => _table.CodesOneEntry;

    /// <summary>Counts the symbols, chooses the window and bins the counts into bins of 2^<paramref name="binWidthLog2"/> symbols.</summary>
    /// <exception cref="ArgumentException">No symbols.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="binWidthLog2"/> is outside [0, <see cref="MaxBinWidthLog2"/>].</exception>
    public static SmoothModel FromSymbols(ReadOnlySpan<int> symbols, int binWidthLog2)
    {
        if (symbols.IsEmpty)
        {
            throw new ArgumentException("Cannot build a smooth model from no symbols.", nameof(symbols));
        }

        var histogram = Histogram.Build(symbols);
        return FromHistogram(histogram, SymbolWindow.Choose(histogram, FrequencyModel.MaxSpan), binWidthLog2);
    }

    /// <summary>Quantised frequency of <paramref name="symbol"/> (0 when it is outside the window or unused).</summary>
    public int Frequency(int symbol) => _table.Frequency(symbol);

    /// <summary>Ideal code length of <paramref name="symbol"/> under this model, in bits (escape cost included).</summary>
    public double CodeLengthBits(int symbol) => _table.CodeLengthBits(symbol);

    /// <inheritdoc/>
    public void Encode(RangeEncoder encoder, int symbol) => _table.Encode(encoder, symbol);

    /// <inheritdoc/>
    public int Decode(ref RangeDecoder decoder) => _table.Decode(ref decoder);

    /// <summary>The serialised model (see remarks for the layout).</summary>
    public byte[] Serialise()
    {
        var buffer = new ByteBuffer();
        WriteTo(buffer);
        return buffer.ToArray();
    }

    /// <summary>Reads a model written by <see cref="Serialise"/>; <paramref name="bytesRead"/> is its length.</summary>
    /// <exception cref="EntropyBlockException">The bytes are not a valid model.</exception>
    public static SmoothModel Deserialise(ReadOnlySpan<byte> bytes, out int bytesRead)
    {
        var reader = new BlockReader(bytes);
        SmoothModel model = ReadFrom(ref reader);
        bytesRead = reader.Position;
        return model;
    }

    internal static SmoothModel FromHistogram(Histogram histogram, SymbolWindow window, int binWidthLog2)
    {
        if (binWidthLog2 is < 0 or > MaxBinWidthLog2)
        {
            throw new ArgumentOutOfRangeException(nameof(binWidthLog2), $"Bin width 2^{binWidthLog2} is outside [2^0, 2^{MaxBinWidthLog2}].");
        }

        var binCounts = new long[BinCount(window.Span, binWidthLog2)];
        long escapeCount = 0;
        for (int i = 0; i < histogram.Values.Length; i++)
        {
            int value = histogram.Values[i];
            if (window.Contains(value))
            {
                binCounts[(value - window.Lowest) >> binWidthLog2] += histogram.Counts[i];
            }
            else
            {
                escapeCount += histogram.Counts[i];
            }
        }

        var logCounts = new byte[binCounts.Length];
        for (int b = 0; b < binCounts.Length; b++)
        {
            logCounts[b] = LogCount(binCounts[b]);
        }

        return new SmoothModel(window.Lowest, window.Span, binWidthLog2, logCounts, LogCount(escapeCount), offset: 0);
    }

    internal void WriteTo(ByteBuffer buffer)
    {
        buffer.AddZigZag(Lowest);
        buffer.AddVarUInt((uint)Span);
        buffer.Add((byte)BinWidthLog2);
        foreach (byte c in _logCounts)
        {
            buffer.AddVarUInt(c);
        }

        buffer.AddVarUInt(_escapeLogCount);
    }

    internal static SmoothModel ReadFrom(ref BlockReader reader)
    {
        long start = reader.Offset;
        int lowest = reader.ReadZigZag("smooth model lowest symbol");
        int span = (int)reader.ReadVarUInt("smooth model span", 1, FrequencyModel.MaxSpan);
        if ((long)lowest + span - 1 > int.MaxValue)
        {
            throw new EntropyBlockException(start, $"smooth model window [{lowest}, {(long)lowest + span - 1}] runs past int.MaxValue");
        }

        long widthOffset = reader.Offset;
        byte binWidthLog2 = reader.ReadByte("smooth model bin width");
        if (binWidthLog2 > MaxBinWidthLog2)
        {
            throw new EntropyBlockException(widthOffset, $"smooth model bin width 2^{binWidthLog2} is above the largest allowed, 2^{MaxBinWidthLog2}");
        }

        var logCounts = new byte[BinCount(span, binWidthLog2)];
        long binsOffset = reader.Offset;
        for (int b = 0; b < logCounts.Length; b++)
        {
            logCounts[b] = (byte)reader.ReadVarUInt("smooth model bin log count", 0, MaxLogCount);
        }

        // The window starts and ends on symbols that occur, so an encoder never leaves an edge bin
        // empty; refusing it catches damage that would otherwise still parse.
        if (logCounts[0] == 0 || logCounts[^1] == 0)
        {
            throw new EntropyBlockException(binsOffset, $"smooth model's {(logCounts[0] == 0 ? "first" : "last")} bin is empty, but the window's edge symbols always occur");
        }

        byte escapeLogCount = (byte)reader.ReadVarUInt("smooth model escape log count", 0, MaxLogCount);
        return new SmoothModel(lowest, span, binWidthLog2, logCounts, escapeLogCount, start);
    }

    private static int BinCount(int span, int binWidthLog2) => (int)(((long)span + (1L << binWidthLog2) - 1) >> binWidthLog2);

    // Encoder side only: the result is stored, so the decoder never repeats this floating-point step.
    private static byte LogCount(long count) =>
        count <= 0 ? (byte)0 : (byte)Math.Min(MaxLogCount, (int)Math.Round(8 * Math.Log2(count), MidpointRounding.AwayFromZero) + 1);

    private static long DecodedCount(int logCount) =>
        Mantissa[(logCount - 1) & 7] << ((logCount - 1) >> 3);

    // Integer-only from the stored values to frequencies summing to exactly Total (see remarks).
    private static uint[] Quantise(int span, int binWidthLog2, byte[] logCounts, byte escapeLogCount, long offset)
    {
        var weights = new long[span + 1];
        for (int b = 0; b < logCounts.Length; b++)
        {
            if (logCounts[b] == 0)
            {
                continue;
            }

            int first = b << binWidthLog2;
            int width = Math.Min(1 << binWidthLog2, span - first);

            // D < 2^47, so D << 10 < 2^57; at least 2^16 << 10 / 2^10 > 0, so a stored bin always has weight.
            long weight = (DecodedCount(logCounts[b]) << 10) / width;
            weights.AsSpan(first, width).Fill(weight);
        }

        if (escapeLogCount > 0)
        {
            weights[span] = DecodedCount(escapeLogCount);
        }

        // Up to 2^14 + 1 weights below 2^57 each: the sum and w * R need 128 bits.
        UInt128 sum = 0;
        int used = 0;
        foreach (long w in weights)
        {
            sum += (ulong)w;
            used += w > 0 ? 1 : 0;
        }

        if (used == 0)
        {
            throw new EntropyBlockException(offset, "smooth model has no bin and no escape with a nonzero count");
        }

        // used <= 2^14 + 1 < Total, so every used entry can have its 1.
        uint rest = (uint)(Total - used);
        var frequencies = new uint[weights.Length];
        var remainders = new UInt128[weights.Length];
        long assigned = 0;
        for (int i = 0; i < weights.Length; i++)
        {
            if (weights[i] == 0)
            {
                continue;
            }

            UInt128 scaled = (UInt128)(ulong)weights[i] * rest;
            UInt128 share = scaled / sum;
            remainders[i] = scaled - (share * sum);
            frequencies[i] = 1 + (uint)share;
            assigned += frequencies[i];
        }

        // The floors lose less than one unit per used entry, so each entry gets at most one more.
        long leftover = Total - assigned;
        if (leftover > 0)
        {
            int[] order = new int[used];
            int k = 0;
            for (int i = 0; i < weights.Length; i++)
            {
                if (weights[i] > 0)
                {
                    order[k++] = i;
                }
            }

            Array.Sort(order, (a, b) =>
            {
                int byRemainder = remainders[b].CompareTo(remainders[a]);
                return byRemainder != 0 ? byRemainder : a.CompareTo(b);
            });

            for (int j = 0; j < leftover; j++)
            {
                frequencies[order[j]]++;
                assigned++;
            }
        }

        if (assigned != Total)
        {
            throw new EntropyBlockException(offset, $"smooth model frequencies sum to {assigned}, expected {Total}");
        }

        return frequencies;
    }

}
