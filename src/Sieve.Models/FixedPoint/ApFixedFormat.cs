using System.Globalization;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Sieve.Models.FixedPoint.Internal;

namespace Sieve.Models.FixedPoint;

/// <summary>
/// A Vivado HLS / hls4ml fixed-point type, <c>ap_fixed&lt;W,I,Q,O&gt;</c> or <c>ap_ufixed&lt;W,I,Q,O&gt;</c>:
/// W bits in all, I of them above the binary point (the sign bit included for a signed type), so a value
/// is a W-bit integer (its raw value) times 2^-(W-I). Conversions into the type are exact integer
/// arithmetic: the source is brought onto the grid under <see cref="Quantisation"/>, then into the
/// range under <see cref="Overflow"/>.
/// </summary>
/// <remarks>
/// Widths up to 32 bits: every product of two raw values then fits in 64 bits and every sum the
/// emulation forms in <see cref="Int128"/>, which covers the precisions a trigger network uses. The
/// saturation-bits parameter N of ap_fixed (its fifth) is not emulated and only 0 is accepted.
/// </remarks>
[JsonConverter(typeof(ApFixedFormatJsonConverter))]
public sealed partial record ApFixedFormat
{
    /// <summary>Largest total width emulated.</summary>
    public const int MaxWidth = 32;

    /// <summary>Largest magnitude of the integer-bit count (it may be negative, or above the width, as in ap_fixed).</summary>
    public const int MaxIntegerBits = 64;

    /// <summary>Creates a format, checking that it can be emulated.</summary>
    /// <exception cref="FixedPointFormatException">Width outside 1..32, or integer bits beyond +-64.</exception>
    public ApFixedFormat(int width, int integerBits, bool signed = true, QuantisationMode quantisation = QuantisationMode.Truncate, OverflowMode overflow = OverflowMode.Wrap)
    {
        if (width < 1 || width > MaxWidth)
        {
            throw new FixedPointFormatException($"a fixed-point width must be 1 to {MaxWidth} bits, got {width}.");
        }

        if (Math.Abs(integerBits) > MaxIntegerBits)
        {
            throw new FixedPointFormatException($"the integer bits of a fixed-point type must lie in -{MaxIntegerBits}..{MaxIntegerBits}, got {integerBits}.");
        }

        if (!Enum.IsDefined(quantisation) || !Enum.IsDefined(overflow))
        {
            throw new FixedPointFormatException($"unknown quantisation {quantisation} or overflow mode {overflow}.");
        }

        Width = width;
        IntegerBits = integerBits;
        Signed = signed;
        Quantisation = quantisation;
        Overflow = overflow;
        MaxRaw = signed ? (1L << (width - 1)) - 1 : (1L << width) - 1;
        MinRaw = signed ? -(1L << (width - 1)) : 0;
    }

    /// <summary>W: total bits.</summary>
    public int Width { get; }

    /// <summary>I: bits above the binary point, the sign bit included when signed.</summary>
    public int IntegerBits { get; }

    /// <summary>Whether this is <c>ap_fixed</c> (two's complement) rather than <c>ap_ufixed</c>.</summary>
    public bool Signed { get; }

    /// <summary>Quantisation mode (Q).</summary>
    public QuantisationMode Quantisation { get; }

    /// <summary>Overflow mode (O).</summary>
    public OverflowMode Overflow { get; }

    /// <summary>F = W - I: bits below the binary point (negative when the step is above 1).</summary>
    public int FractionBits => Width - IntegerBits;

    /// <summary>Largest raw value: 2^(W-1) - 1 signed, 2^W - 1 unsigned.</summary>
    public long MaxRaw { get; }

    /// <summary>Smallest raw value: -2^(W-1) signed, 0 unsigned.</summary>
    public long MinRaw { get; }

    /// <summary>The step between neighbouring values, 2^-F.</summary>
    public double Lsb => Math.ScaleB(1.0, -FractionBits);

    /// <summary>Largest value.</summary>
    public double MaxValue => ToDouble(MaxRaw);

    /// <summary>Smallest value.</summary>
    public double MinValue => ToDouble(MinRaw);

    /// <summary>Whether <paramref name="raw"/> is a value of this format.</summary>
    public bool Contains(long raw) => raw >= MinRaw && raw <= MaxRaw;

    /// <summary>The value of a raw integer: raw x 2^-F (exact: raw has at most 32 bits).</summary>
    public double ToDouble(long raw) => Math.ScaleB((double)raw, -FractionBits);

    /// <summary>The raw value of <paramref name="value"/> in this format, exactly as ap_fixed's conversion from double.</summary>
    /// <exception cref="ArgumentException">NaN or an infinity.</exception>
    public long Quantise(double value) => Quantise(value, out _);

    /// <summary>As <see cref="Quantise(double)"/>, saying whether the value was outside the range (and so wrapped or saturated).</summary>
    public long Quantise(double value, out bool overflowed)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentException($"{value} has no fixed-point value.", nameof(value));
        }

        // A double is exactly mantissa x 2^exponent with an integer mantissa below 2^53.
        long bits = BitConverter.DoubleToInt64Bits(value);
        int biased = (int)((bits >> 52) & 0x7FF);
        long mantissa = bits & 0xF_FFFF_FFFF_FFFFL;
        int exponent;
        if (biased == 0)
        {
            exponent = -1074;               // subnormal
        }
        else
        {
            mantissa |= 1L << 52;
            exponent = biased - 1075;
        }

        if (value < 0)
        {
            mantissa = -mantissa;
        }

        return FromRaw(mantissa, -exponent, out overflowed);
    }

    /// <summary>
    /// Converts an exact value <paramref name="raw"/> x 2^-<paramref name="fractionBits"/> into this format:
    /// onto its grid under <see cref="Quantisation"/>, then into its range under <see cref="Overflow"/>.
    /// </summary>
    public long FromRaw(Int128 raw, int fractionBits) => FromRaw(raw, fractionBits, out bool _);

    /// <summary>As <see cref="FromRaw(Int128, int)"/>, saying whether the value was outside the range.</summary>
    public long FromRaw(Int128 raw, int fractionBits, out bool overflowed)
    {
        int shift = fractionBits - FractionBits;
        Int128 onGrid;
        int huge = 0;
        if (shift > 0)
        {
            onGrid = RawArithmetic.ShiftRight(raw, shift, Quantisation);
        }
        else if (RawArithmetic.ShiftLeft(raw, -shift) is { } shifted)
        {
            onGrid = shifted;
        }
        else
        {
            onGrid = 0;
            huge = raw > 0 ? 1 : -1;
        }

        overflowed = huge != 0 || onGrid < MinRaw || onGrid > MaxRaw;
        return RawArithmetic.Overflow(onGrid, Width, Signed, Overflow, huge);
    }

    /// <summary>
    /// <see cref="FromRaw(Int128, int)"/> for a 64-bit value, in 64-bit arithmetic where the shift allows
    /// (the network's inner loop); the same result in every case.
    /// </summary>
    public long FromRaw(long raw, int fractionBits)
    {
        int shift = fractionBits - FractionBits;
        long onGrid;
        if (shift > 0 && shift <= 62)
        {
            onGrid = RawArithmetic.ShiftRight(raw, shift, Quantisation);
        }
        else if (shift == 0)
        {
            onGrid = raw;
        }
        else if (shift < 0 && shift > -62 && raw > -(1L << (62 + shift)) && raw < 1L << (62 + shift))
        {
            onGrid = raw << -shift;
        }
        else
        {
            return FromRaw((Int128)raw, fractionBits, out _);
        }

        return onGrid >= MinRaw && onGrid <= MaxRaw ? onGrid : RawArithmetic.Overflow(onGrid, Width, Signed, Overflow);
    }

    /// <summary>Converts a raw value of <paramref name="from"/> into this format.</summary>
    public long Convert(long raw, ApFixedFormat from)
    {
        ArgumentNullException.ThrowIfNull(from);
        return FromRaw(raw, from.FractionBits);
    }

    /// <summary>The same type with <paramref name="width"/> total bits (integer bits, sign and modes kept).</summary>
    public ApFixedFormat WithWidth(int width) => new(width, IntegerBits, Signed, Quantisation, Overflow);

    /// <summary>The type as C++ writes it: <c>ap_fixed&lt;16,6&gt;</c>, <c>ap_fixed&lt;8,3,AP_RND_CONV,AP_SAT&gt;</c>; default modes left out.</summary>
    public override string ToString()
    {
        string head = string.Create(CultureInfo.InvariantCulture, $"{(Signed ? "ap_fixed" : "ap_ufixed")}<{Width},{IntegerBits}");
        if (Overflow != OverflowMode.Wrap)
        {
            return $"{head},{QuantisationName(Quantisation)},{OverflowName(Overflow)}>";
        }

        return Quantisation != QuantisationMode.Truncate ? $"{head},{QuantisationName(Quantisation)}>" : head + ">";
    }

    /// <summary>Reads <c>ap_fixed&lt;W,I[,Q[,O[,N]]]&gt;</c> or <c>ap_ufixed&lt;...&gt;</c> (spaces allowed; N must be 0).</summary>
    /// <exception cref="FixedPointFormatException">The text is not such a type; the message says what was expected.</exception>
    public static ApFixedFormat Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        const string expected = "expected ap_fixed<W,I> or ap_ufixed<W,I>, optionally with a quantisation mode (AP_TRN, AP_TRN_ZERO, AP_RND, AP_RND_ZERO, AP_RND_INF, " +
                                "AP_RND_MIN_INF, AP_RND_CONV) and an overflow mode (AP_WRAP, AP_SAT, AP_SAT_SYM, AP_SAT_ZERO), e.g. ap_fixed<8,3,AP_RND_CONV,AP_SAT>";
        Match m = Pattern().Match(text);
        if (!m.Success)
        {
            throw new FixedPointFormatException($"'{text}' is not a fixed-point type: {expected}.");
        }

        if (!int.TryParse(m.Groups["w"].Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out int width)
            || !int.TryParse(m.Groups["i"].Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int integerBits))
        {
            throw new FixedPointFormatException($"'{text}': the width and integer bits must be whole numbers; {expected}.");
        }

        QuantisationMode q = QuantisationMode.Truncate;
        if (m.Groups["q"].Success && !TryQuantisation(m.Groups["q"].Value, out q))
        {
            throw new FixedPointFormatException($"'{text}': '{m.Groups["q"].Value}' is not a quantisation mode; {expected}.");
        }

        OverflowMode o = OverflowMode.Wrap;
        if (m.Groups["o"].Success && !TryOverflow(m.Groups["o"].Value, out o))
        {
            throw new FixedPointFormatException($"'{text}': '{m.Groups["o"].Value}' is not an overflow mode; {expected}.");
        }

        if (m.Groups["n"].Success && m.Groups["n"].Value.Trim('0').Length > 0)
        {
            throw new FixedPointFormatException($"'{text}': saturation bits (the fifth parameter) other than 0 are not emulated.");
        }

        try
        {
            return new ApFixedFormat(width, integerBits, m.Groups["u"].Value.Length == 0, q, o);
        }
        catch (FixedPointFormatException e)
        {
            throw new FixedPointFormatException($"'{text}': {e.Message}", e);
        }
    }

    /// <summary>The C++ name of a quantisation mode (AP_TRN, ...).</summary>
    public static string QuantisationName(QuantisationMode mode) => mode switch
    {
        QuantisationMode.Truncate => "AP_TRN",
        QuantisationMode.TruncateToZero => "AP_TRN_ZERO",
        QuantisationMode.Round => "AP_RND",
        QuantisationMode.RoundToZero => "AP_RND_ZERO",
        QuantisationMode.RoundToInfinity => "AP_RND_INF",
        QuantisationMode.RoundToMinusInfinity => "AP_RND_MIN_INF",
        QuantisationMode.RoundConvergent => "AP_RND_CONV",
        _ => throw new ArgumentOutOfRangeException(nameof(mode)),
    };

    /// <summary>The C++ name of an overflow mode (AP_WRAP, ...).</summary>
    public static string OverflowName(OverflowMode mode) => mode switch
    {
        OverflowMode.Wrap => "AP_WRAP",
        OverflowMode.Saturate => "AP_SAT",
        OverflowMode.SaturateSymmetric => "AP_SAT_SYM",
        OverflowMode.SaturateToZero => "AP_SAT_ZERO",
        _ => throw new ArgumentOutOfRangeException(nameof(mode)),
    };

    private static bool TryQuantisation(string name, out QuantisationMode mode)
    {
        foreach (QuantisationMode candidate in Enum.GetValues<QuantisationMode>())
        {
            if (QuantisationName(candidate) == name)
            {
                mode = candidate;
                return true;
            }
        }

        mode = default;
        return false;
    }

    private static bool TryOverflow(string name, out OverflowMode mode)
    {
        foreach (OverflowMode candidate in Enum.GetValues<OverflowMode>())
        {
            if (OverflowName(candidate) == name)
            {
                mode = candidate;
                return true;
            }
        }

        mode = default;
        return false;
    }

    [GeneratedRegex(@"^\s*ap_(?<u>u?)fixed\s*<\s*(?<w>\d+)\s*,\s*(?<i>[+-]?\d+)\s*(?:,\s*(?<q>[A-Za-z_]+)\s*(?:,\s*(?<o>[A-Za-z_]+)\s*(?:,\s*(?<n>\d+)\s*)?)?)?>\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
