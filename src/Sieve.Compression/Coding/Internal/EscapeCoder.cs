using System.Numerics;

namespace Sieve.Compression.Coding.Internal;

/// <summary>
/// Codes a symbol that lies outside its model's window, after the model's escape symbol: the
/// bit length n (0..32) of its zigzag value, uniform over 33 values (about 5 bits), then the n-1
/// bits below the leading one raw. An outlier of magnitude m costs about 6 + log2(m) bits, and
/// any int can be coded, int.MinValue and int.MaxValue included.
/// </summary>
internal static class EscapeCoder
{
    private const uint LengthTotal = 33;

    public static void Encode(RangeEncoder encoder, int symbol)
    {
        uint z = ZigZag.Encode(symbol);
        int length = 32 - BitOperations.LeadingZeroCount(z);
        encoder.Encode((uint)length, 1, LengthTotal);
        int rest = length - 1;
        while (rest > 0)
        {
            int chunk = Math.Min(rest, 16);
            rest -= chunk;
            encoder.EncodeBits(z >> rest, chunk);
        }
    }

    public static int Decode(ref RangeDecoder decoder)
    {
        uint length = decoder.GetFrequency(LengthTotal);
        decoder.Decode(length, 1);
        if (length == 0)
        {
            return 0;
        }

        uint z = 1;
        int rest = (int)length - 1;
        while (rest > 0)
        {
            int chunk = Math.Min(rest, 16);
            rest -= chunk;
            z = (z << chunk) | decoder.DecodeBits(chunk);
        }

        return ZigZag.Decode(z);
    }
}
