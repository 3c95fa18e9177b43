namespace Sieve.Compression.Coding.Internal;

/// <summary>
/// Codes a value v as u = v - <see cref="Minimum"/> (0..2^32-1) split into a high part
/// h = u &gt;&gt; k, coded with a <see cref="SmoothModel"/> over [0, <see cref="MaxHighSpan"/>), and
/// the k low bits of u, coded raw (uniform) most significant first in chunks of at most 16 bits.
/// </summary>
/// <remarks>
/// Why: every other model's window is capped at 2^14 symbols, so a stream spread evenly over a
/// range far wider than that escapes nearly every symbol at ~6 + log2|v| raw bits plus the escape.
/// Within a high part's bucket of 2^k values such a stream is close to uniform, so raw low bits lose
/// almost nothing while the model only has to describe the coarse shape.
/// </remarks>
internal sealed class SplitModel : ISymbolModel
{
    /// <summary>Most high-part symbols: keeps the nested model's table small (at most 4096 entries).</summary>
    public const int MaxHighSpan = 1 << 12;

    /// <summary>Largest low-bit count a block may declare (u has 32 bits, so k = 32 would leave no high part).</summary>
    public const int MaxLowBits = 31;

    private readonly SmoothModel _high;

    public SplitModel(int minimum, int lowBits, SmoothModel high)
    {
        Minimum = minimum;
        LowBits = lowBits;
        _high = high;
    }

    public int Minimum { get; }

    public int LowBits { get; }

    /// <summary>Writes the nested high-part model (the block's min and k are written by the caller).</summary>
    public void WriteHighModel(ByteBuffer buffer) => _high.WriteTo(buffer);

    /// <summary>
    /// The smallest k &gt;= 1 for which (max - min) &gt;&gt; k &lt; <see cref="MaxHighSpan"/>, or 0 when the
    /// range already fits (then splitting would only add cost: the other modes cover such a stream).
    /// </summary>
    public static int ChooseLowBits(int minimum, int maximum)
    {
        long spread = (long)maximum - minimum;
        int k = 0;
        while (spread >> k >= MaxHighSpan)
        {
            k++;
        }

        return k;
    }

    /// <summary>High part of <paramref name="value"/> for this minimum and k (the value must not be below the minimum).</summary>
    public static int HighPart(int value, int minimum, int lowBits) => (int)((ulong)((long)value - minimum) >> lowBits);

    public void Encode(RangeEncoder encoder, int symbol)
    {
        uint u = (uint)((long)symbol - Minimum);
        _high.Encode(encoder, (int)(u >> LowBits));
        int rest = LowBits;
        while (rest > 0)
        {
            int chunk = Math.Min(rest, 16);
            rest -= chunk;
            encoder.EncodeBits(u >> rest, chunk);
        }
    }

    public int Decode(ref RangeDecoder decoder)
    {
        // The model's window is [0, span) with no escape (checked when the block is read), so h is
        // never negative and h << k stays below 2^43.
        long high = _high.Decode(ref decoder);
        long low = 0;
        int rest = LowBits;
        while (rest > 0)
        {
            int chunk = Math.Min(rest, 16);
            rest -= chunk;
            low = (low << chunk) | decoder.DecodeBits(chunk);
        }

        long value = Minimum + ((high << LowBits) | low);
        if (value > int.MaxValue)
        {
            throw new EntropyBlockException(decoder.Offset,
                $"split symbol {Minimum} + ({high} << {LowBits} | {low}) = {value} is above int.MaxValue");
        }

        return (int)value;
    }
}
