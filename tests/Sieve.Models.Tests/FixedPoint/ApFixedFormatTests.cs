using System.Numerics;
using Sieve.Models.FixedPoint;

namespace Sieve.Models.Tests.FixedPoint;

public class ApFixedFormatTests
{
    [Theory]
    [InlineData("ap_fixed<16,6>")]
    [InlineData("ap_ufixed<10,4>")]
    [InlineData("ap_fixed<8,3,AP_RND_CONV,AP_SAT>")]
    [InlineData("ap_fixed<8,3,AP_RND>")]
    [InlineData("ap_fixed<8,3,AP_TRN,AP_SAT_SYM>")]
    [InlineData("ap_ufixed<12,-2,AP_RND_MIN_INF,AP_SAT_ZERO>")]
    [InlineData("ap_fixed<6,9,AP_TRN_ZERO>")]
    public void Text_round_trips(string text)
    {
        ApFixedFormat format = ApFixedFormat.Parse(text);
        Assert.Equal(text, format.ToString());
        Assert.Equal(format, ApFixedFormat.Parse(format.ToString()));
    }

    [Fact]
    public void Parsing_reads_the_parts_and_leaves_out_default_modes()
    {
        ApFixedFormat f = ApFixedFormat.Parse(" ap_fixed < 8 , 3 , AP_RND_CONV , AP_SAT > ");
        Assert.Equal((8, 3, true, QuantisationMode.RoundConvergent, OverflowMode.Saturate), (f.Width, f.IntegerBits, f.Signed, f.Quantisation, f.Overflow));
        Assert.Equal(5, f.FractionBits);
        Assert.Equal("ap_fixed<16,6>", ApFixedFormat.Parse("ap_fixed<16,6,AP_TRN,AP_WRAP,0>").ToString());
        ApFixedFormat u = ApFixedFormat.Parse("ap_ufixed<10,4>");
        Assert.False(u.Signed);
        Assert.Equal((0L, 1023L), (u.MinRaw, u.MaxRaw));
        Assert.Equal(1023 / 64.0, u.MaxValue);                // F = 6: 15.984375
    }

    [Theory]
    [InlineData("fixed<16,6>", "is not a fixed-point type: expected ap_fixed<W,I>")]
    [InlineData("ap_fixed<16>", "is not a fixed-point type")]
    [InlineData("ap_fixed<16,6,AP_ROUND>", "'AP_ROUND' is not a quantisation mode")]
    [InlineData("ap_fixed<16,6,AP_RND,AP_CLAMP>", "'AP_CLAMP' is not an overflow mode")]
    [InlineData("ap_fixed<16,6,AP_RND,AP_SAT,2>", "saturation bits")]
    [InlineData("ap_fixed<0,0>", "width must be 1 to 32 bits, got 0")]
    [InlineData("ap_fixed<40,6>", "width must be 1 to 32 bits, got 40")]
    [InlineData("ap_fixed<16,99>", "integer bits")]
    [InlineData("", "is not a fixed-point type")]
    public void Bad_text_says_what_was_expected(string text, string message)
    {
        FixedPointFormatException e = Assert.Throws<FixedPointFormatException>(() => ApFixedFormat.Parse(text));
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }

    // 0.375 into ap_fixed<4,2>: F = 2, step 0.25, so 0.375 = 1.5 steps; -0.375 = -1.5 steps; 0.625 = 2.5 steps.
    [Theory]
    [InlineData(QuantisationMode.Truncate, 1, -2, 2)]              // floor: 1, -2, 2
    [InlineData(QuantisationMode.TruncateToZero, 1, -1, 2)]        // toward 0: 1, -1, 2
    [InlineData(QuantisationMode.Round, 2, -1, 3)]                 // half up: 2, -1, 3
    [InlineData(QuantisationMode.RoundToZero, 1, -1, 2)]           // half toward 0: 1, -1, 2
    [InlineData(QuantisationMode.RoundToInfinity, 2, -2, 3)]       // half away from 0: 2, -2, 3
    [InlineData(QuantisationMode.RoundToMinusInfinity, 1, -2, 2)]  // half down: 1, -2, 2
    [InlineData(QuantisationMode.RoundConvergent, 2, -2, 2)]       // half to even: 2, -2, 2
    public void Each_quantisation_mode_on_hand_worked_halves(QuantisationMode mode, long plus, long minus, long twoAndAHalf)
    {
        var f = new ApFixedFormat(4, 2, quantisation: mode);
        Assert.Equal(plus, f.Quantise(0.375));
        Assert.Equal(minus, f.Quantise(-0.375));
        Assert.Equal(twoAndAHalf, f.Quantise(0.625));
    }

    // Off the half every rounding mode goes to the nearest step: 0.3 = 1.2 steps, -0.45 = -1.8 steps.
    [Theory]
    [InlineData(QuantisationMode.Truncate, 1, -2)]
    [InlineData(QuantisationMode.TruncateToZero, 1, -1)]
    [InlineData(QuantisationMode.Round, 1, -2)]
    [InlineData(QuantisationMode.RoundToZero, 1, -2)]
    [InlineData(QuantisationMode.RoundToInfinity, 1, -2)]
    [InlineData(QuantisationMode.RoundToMinusInfinity, 1, -2)]
    [InlineData(QuantisationMode.RoundConvergent, 1, -2)]
    public void Each_quantisation_mode_off_the_half(QuantisationMode mode, long pointThree, long minusPointFourFive)
    {
        var f = new ApFixedFormat(4, 2, quantisation: mode);
        Assert.Equal(pointThree, f.Quantise(0.3));
        Assert.Equal(minusPointFourFive, f.Quantise(-0.45));
    }

    // ap_fixed<4,2>: raw -8..7, values -2..1.75. 2.0 is raw 8 (one past the top); -2.5 is raw -10; -2.0 is raw -8 (the minimum).
    [Theory]
    [InlineData(OverflowMode.Wrap, -8, 6, -8)]               // 8 - 16 = -8; -10 + 16 = 6
    [InlineData(OverflowMode.Saturate, 7, -8, -8)]
    [InlineData(OverflowMode.SaturateSymmetric, 7, -7, -8)]  // a negative overflow gives -max; the minimum itself stays
    [InlineData(OverflowMode.SaturateToZero, 0, 0, -8)]
    public void Each_overflow_mode_on_hand_worked_values(OverflowMode mode, long two, long minusTwoAndAHalf, long minusTwo)
    {
        var f = new ApFixedFormat(4, 2, overflow: mode);
        Assert.Equal(two, f.Quantise(2.0, out bool over));
        Assert.True(over);
        Assert.Equal(minusTwoAndAHalf, f.Quantise(-2.5));
        Assert.Equal(minusTwo, f.Quantise(-2.0, out over));
        Assert.False(over);
    }

    [Fact]
    public void Rounding_first_then_overflow()
    {
        // 1.875 = 7.5 steps of 0.25: AP_RND gives 8, one past the top of ap_fixed<4,2>.
        Assert.Equal(7, ApFixedFormat.Parse("ap_fixed<4,2,AP_RND,AP_SAT>").Quantise(1.875));
        Assert.Equal(-8, ApFixedFormat.Parse("ap_fixed<4,2,AP_RND>").Quantise(1.875));
        Assert.Equal(7, ApFixedFormat.Parse("ap_fixed<4,2>").Quantise(1.875));           // truncation stays inside
    }

    [Fact]
    public void Unsigned_types_wrap_and_saturate_at_zero()
    {
        // ap_ufixed<4,2>: raw 0..15, values 0..3.75; -0.25 is raw -1.
        Assert.Equal(15, ApFixedFormat.Parse("ap_ufixed<4,2>").Quantise(-0.25));
        Assert.Equal(0, ApFixedFormat.Parse("ap_ufixed<4,2,AP_TRN,AP_SAT>").Quantise(-0.25));
        Assert.Equal(15, ApFixedFormat.Parse("ap_ufixed<4,2,AP_TRN,AP_SAT>").Quantise(9.0));
        Assert.Equal(0, ApFixedFormat.Parse("ap_ufixed<4,2,AP_TRN,AP_SAT_SYM>").Quantise(-1.0));
    }

    [Fact]
    public void Requantisation_between_grids_is_exact()
    {
        var fine = new ApFixedFormat(8, 4);                     // F = 4
        var coarse = new ApFixedFormat(4, 2, quantisation: QuantisationMode.Round); // F = 2
        var quarters = new ApFixedFormat(10, 8);                // F = 2, room for the values below
        Assert.Equal(3, coarse.Convert(13, fine));             // 13/16 = 3.25 quarters -> 3
        Assert.Equal(4, coarse.Convert(14, fine));             // 14/16 = 3.5 quarters -> 4 (half up)
        Assert.Equal(-3, coarse.Convert(-14, fine));           // -3.5 quarters -> -3 (half up)
        Assert.Equal(52, fine.Convert(13, quarters));            // 13 quarters = 52 sixteenths: widening is a shift
        Assert.Equal(-76, fine.Convert(45, quarters));           // 45 quarters = 180 sixteenths, past 127: wrapped to 180 - 256
        Assert.Equal(-12, fine.Convert(-3, quarters));
        // Negative fraction bits: ap_fixed<4,6> steps by 4; 13 -> 12 (truncated), raw 3.
        Assert.Equal(3, new ApFixedFormat(4, 6).Quantise(13.0));
        Assert.Equal(16.0, new ApFixedFormat(4, 6).ToDouble(4));
    }

    [Fact]
    public void Extreme_doubles_are_handled_exactly()
    {
        var wrap = new ApFixedFormat(8, 4);
        var sat = new ApFixedFormat(8, 4, overflow: OverflowMode.Saturate);
        Assert.Equal(0, wrap.Quantise(1e300));                 // a multiple of 2^1000: its low bits are zero
        Assert.Equal(127, sat.Quantise(1e300));
        Assert.Equal(-128, sat.Quantise(-1e300));
        Assert.Equal(0, wrap.Quantise(double.Epsilon));
        Assert.Equal(-1, wrap.Quantise(-double.Epsilon));      // floor of a tiny negative value
        Assert.Equal(0, new ApFixedFormat(8, 4, quantisation: QuantisationMode.RoundConvergent).Quantise(-double.Epsilon));
        Assert.Throws<ArgumentException>(() => wrap.Quantise(double.NaN));
    }

    [Fact]
    public void Random_values_obey_each_mode()
    {
        var random = new Random(20261203);
        for (int trial = 0; trial < 20000; trial++)
        {
            int width = random.Next(1, 33);
            int integerBits = random.Next(-4, width + 5);
            bool signed = random.Next(2) == 0;
            var q = (QuantisationMode)random.Next(7);
            var o = (OverflowMode)random.Next(4);
            var f = new ApFixedFormat(width, integerBits, signed, q, o);
            double span = Math.Max(Math.Abs(f.MaxValue), f.Lsb) * 1.5;
            double v = ((random.NextDouble() * 2) - 1) * span;
            long raw = f.Quantise(v, out bool overflowed);
            Assert.True(f.Contains(raw), $"{f}: {v} gave raw {raw} outside [{f.MinRaw}, {f.MaxRaw}]");

            // The exact scaled value v x 2^F as a rational n / 2^k.
            (BigInteger n, int k) = Exact(v, f.FractionBits);
            BigInteger floor = BigInteger.Divide(n - (n.Sign < 0 ? (BigInteger.One << k) - 1 : 0), BigInteger.One << k);
            BigInteger ceil = floor + ((floor << k) == n ? 0 : 1);
            BigInteger onGrid = q switch
            {
                QuantisationMode.Truncate => floor,
                QuantisationMode.TruncateToZero => n.Sign < 0 ? ceil : floor,
                _ => Nearest(n, k, floor, ceil, q),
            };
            bool inRange = onGrid >= f.MinRaw && onGrid <= f.MaxRaw;
            Assert.Equal(!inRange, overflowed);
            if (inRange)
            {
                Assert.Equal((long)onGrid, raw);
                double error = Math.Abs(f.ToDouble(raw) - v);
                Assert.True(q is QuantisationMode.Truncate or QuantisationMode.TruncateToZero ? error < f.Lsb : error <= f.Lsb / 2, $"{f}: {v} -> {f.ToDouble(raw)}");
                continue;
            }

            long expected = o switch
            {
                OverflowMode.Wrap => Wrap(onGrid, width, signed),
                OverflowMode.Saturate => onGrid > f.MaxRaw ? f.MaxRaw : f.MinRaw,
                OverflowMode.SaturateSymmetric => onGrid > f.MaxRaw ? f.MaxRaw : (signed ? -f.MaxRaw : 0),
                _ => 0,
            };
            Assert.True(expected == raw, $"{f}: {v} (grid {onGrid}) gave {raw}, expected {expected}");
        }
    }

    [Fact]
    public void The_64_bit_path_gives_the_128_bit_result()
    {
        var random = new Random(5);
        for (int trial = 0; trial < 50000; trial++)
        {
            var f = new ApFixedFormat(random.Next(1, 33), random.Next(-8, 40), random.Next(2) == 0, (QuantisationMode)random.Next(7), (OverflowMode)random.Next(4));
            long raw = random.NextInt64(-(1L << random.Next(1, 63)), 1L << random.Next(1, 63));
            int fractionBits = random.Next(-70, 130);
            Assert.True(f.FromRaw((Int128)raw, fractionBits) == f.FromRaw(raw, fractionBits), $"{f}: {raw} x 2^-{fractionBits}");
        }
    }

    private static BigInteger Nearest(BigInteger n, int k, BigInteger floor, BigInteger ceil, QuantisationMode q)
    {
        BigInteger twice = (n << 1) - (floor << (k + 1));    // 2 x (discarded part) in units of 2^-k
        BigInteger one = BigInteger.One << k;
        if (twice == 0)
        {
            return floor;
        }

        if (twice != one)
        {
            return twice > one ? ceil : floor;
        }

        return q switch
        {
            QuantisationMode.Round => ceil,
            QuantisationMode.RoundToZero => n.Sign < 0 ? ceil : floor,
            QuantisationMode.RoundToInfinity => n.Sign < 0 ? floor : ceil,
            QuantisationMode.RoundToMinusInfinity => floor,
            _ => floor.IsEven ? floor : ceil,
        };
    }

    private static long Wrap(BigInteger value, int width, bool signed)
    {
        BigInteger modulus = BigInteger.One << width;
        BigInteger low = ((value % modulus) + modulus) % modulus;
        if (signed && low >= modulus >> 1)
        {
            low -= modulus;
        }

        return (long)low;
    }

    // v x 2^F = n / 2^k exactly, from the double's bits.
    private static (BigInteger N, int K) Exact(double v, int fractionBits)
    {
        long bits = BitConverter.DoubleToInt64Bits(v);
        int exponent = (int)((bits >> 52) & 0x7FF);
        long mantissa = bits & 0xF_FFFF_FFFF_FFFFL;
        if (exponent == 0)
        {
            exponent = 1;
        }
        else
        {
            mantissa |= 1L << 52;
        }

        int e = exponent - 1075 + fractionBits;              // v x 2^F = mantissa x 2^e
        BigInteger m = v < 0 ? -(BigInteger)mantissa : mantissa;
        return e >= 0 ? (m << e, 0) : (m, -e);
    }
}
