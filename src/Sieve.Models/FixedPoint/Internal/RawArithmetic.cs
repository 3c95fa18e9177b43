namespace Sieve.Models.FixedPoint.Internal;

/// <summary>
/// Exact integer steps of a conversion between fixed-point grids: a right shift under a quantisation
/// mode and the overflow handling of a W-bit range. No floating point: every value is an integer
/// count of least significant bits.
/// </summary>
internal static class RawArithmetic
{
    // Values that reach here are below 2^66 in magnitude (products of two 32-bit raws, aligned sums);
    // a shift of 120 already leaves only the sign, and a left shift that would pass 2^120 is an overflow
    // of any format of at most 32 bits, handled without forming the value.
    private const int MaxShift = 120;

    /// <summary>value / 2^shift brought to an integer under <paramref name="mode"/> (shift &gt;= 1).</summary>
    public static Int128 ShiftRight(Int128 value, int shift, QuantisationMode mode)
    {
        shift = Math.Min(shift, MaxShift);
        Int128 floor = value >> shift;                  // arithmetic shift: toward minus infinity
        Int128 discarded = value - (floor << shift);    // in [0, 2^shift)
        if (discarded == 0)
        {
            return floor;
        }

        Int128 half = Int128.One << (shift - 1);
        int versusHalf = discarded.CompareTo(half);
        bool negative = value < 0;
        bool up = mode switch
        {
            QuantisationMode.Truncate => false,
            QuantisationMode.TruncateToZero => negative,
            QuantisationMode.Round => versusHalf >= 0,
            QuantisationMode.RoundToZero => versusHalf > 0 || (versusHalf == 0 && negative),
            QuantisationMode.RoundToInfinity => versusHalf > 0 || (versusHalf == 0 && !negative),
            QuantisationMode.RoundToMinusInfinity => versusHalf > 0,
            QuantisationMode.RoundConvergent => versusHalf > 0 || (versusHalf == 0 && !Int128.IsEvenInteger(floor)),
            _ => throw new ArgumentOutOfRangeException(nameof(mode)),
        };
        return up ? floor + 1 : floor;
    }

    /// <summary><see cref="ShiftRight(Int128, int, QuantisationMode)"/> for a 64-bit value and 1 &lt;= shift &lt;= 62: the same decisions without 128-bit arithmetic.</summary>
    public static long ShiftRight(long value, int shift, QuantisationMode mode)
    {
        long floor = value >> shift;
        long discarded = value - (floor << shift);
        if (discarded == 0 || mode == QuantisationMode.Truncate)
        {
            return floor;
        }

        long half = 1L << (shift - 1);
        bool negative = value < 0;
        bool up = mode switch
        {
            QuantisationMode.TruncateToZero => negative,
            QuantisationMode.Round => discarded >= half,
            QuantisationMode.RoundToZero => discarded > half || (discarded == half && negative),
            QuantisationMode.RoundToInfinity => discarded > half || (discarded == half && !negative),
            QuantisationMode.RoundToMinusInfinity => discarded > half,
            QuantisationMode.RoundConvergent => discarded > half || (discarded == half && (floor & 1) != 0),
            _ => throw new ArgumentOutOfRangeException(nameof(mode)),
        };
        return up ? floor + 1 : floor;
    }

    /// <summary>value x 2^shift (shift &gt;= 0), or null when it passes 2^120 (then it overflows every format).</summary>
    public static Int128? ShiftLeft(Int128 value, int shift)
    {
        if (value == 0)
        {
            return value;
        }

        int bits = 128 - (int)Int128.LeadingZeroCount(Int128.Abs(value));
        return bits + shift > MaxShift ? null : value << shift;
    }

    /// <summary>
    /// <paramref name="value"/> (an exact integer already on the target grid) brought into the range of
    /// a <paramref name="width"/>-bit format; <paramref name="huge"/> stands for a value beyond 2^120 of
    /// that sign (<paramref name="value"/> is then ignored).
    /// </summary>
    public static long Overflow(Int128 value, int width, bool signed, OverflowMode mode, int huge = 0)
    {
        long max = signed ? (1L << (width - 1)) - 1 : (1L << width) - 1;
        long min = signed ? -(1L << (width - 1)) : 0;
        if (huge == 0 && value >= min && value <= max)
        {
            return (long)value;
        }

        bool above = huge != 0 ? huge > 0 : value > max;
        switch (mode)
        {
            case OverflowMode.Wrap:
                // Beyond 2^120 every bit below 2^120 is zero, and so are the low W bits.
                return huge != 0 ? 0 : Wrap(value, width, signed);
            case OverflowMode.Saturate:
                return above ? max : min;
            case OverflowMode.SaturateSymmetric:
                return above ? max : (signed ? -max : min);
            case OverflowMode.SaturateToZero:
                return 0;
            default:
                throw new ArgumentOutOfRangeException(nameof(mode));
        }
    }

    // The low W bits, read as two's complement when signed.
    private static long Wrap(Int128 value, int width, bool signed)
    {
        long low = (long)(value & ((Int128.One << width) - 1));
        if (signed && low >= 1L << (width - 1))
        {
            low -= 1L << width;
        }

        return low;
    }
}
