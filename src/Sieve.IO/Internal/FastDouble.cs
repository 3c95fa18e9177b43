using System.Globalization;

namespace Sieve.IO.Internal;

/// <summary>
/// Correctly rounded parsing of plain decimal numbers, several times faster than double.Parse.
/// Clinger's fast path: when the decimal significand has at most 15 digits (so it is exact in a
/// double) and the power of ten is at most 22 (10^22 is exact too), m * 10^e or m / 10^-e is one
/// IEEE operation on exact operands and therefore correctly rounded, the same double that
/// double.Parse returns. Everything else (more digits, large exponents, "NaN", "Infinity", odd
/// whitespace) falls back to double.Parse, so the result never differs from it.
/// </summary>
internal static class FastDouble
{
    private static readonly double[] PowersOfTen =
    [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ];

    /// <summary>Parses like double.TryParse(text, NumberStyles.Float, InvariantCulture).</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out double value)
    {
        if (TryFastPath(text, out value))
        {
            return true;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }

    private static bool TryFastPath(ReadOnlySpan<char> s, out double value)
    {
        value = 0;
        int i = 0;
        int n = s.Length;
        if (n == 0 || n > 64)
        {
            return false;
        }

        bool negative = false;
        if (s[0] == '-' || s[0] == '+')
        {
            negative = s[0] == '-';
            i = 1;
        }

        ulong mantissa = 0;
        int digits = 0;         // significant digits accumulated (leading zeros skipped)
        int exponent = 0;       // power of ten to apply to the mantissa
        bool anyDigit = false;
        while (i < n && (uint)(s[i] - '0') <= 9)
        {
            anyDigit = true;
            if (mantissa != 0 || s[i] != '0')
            {
                if (++digits > 15)
                {
                    return false;
                }

                mantissa = (mantissa * 10) + (uint)(s[i] - '0');
            }

            i++;
        }

        if (i < n && s[i] == '.')
        {
            i++;
            while (i < n && (uint)(s[i] - '0') <= 9)
            {
                anyDigit = true;
                if (mantissa != 0 || s[i] != '0')
                {
                    if (++digits > 15)
                    {
                        return false;
                    }

                    mantissa = (mantissa * 10) + (uint)(s[i] - '0');
                }

                exponent--;
                i++;
            }
        }

        if (!anyDigit)
        {
            return false;
        }

        if (i < n && (s[i] == 'e' || s[i] == 'E'))
        {
            i++;
            bool negativeExponent = false;
            if (i < n && (s[i] == '-' || s[i] == '+'))
            {
                negativeExponent = s[i] == '-';
                i++;
            }

            int start = i;
            int e = 0;
            while (i < n && (uint)(s[i] - '0') <= 9)
            {
                if (i - start > 4)
                {
                    return false;
                }

                e = (e * 10) + (s[i] - '0');
                i++;
            }

            if (i == start)
            {
                return false;
            }

            exponent += negativeExponent ? -e : e;
        }

        if (i != n)
        {
            return false; // trailing text or whitespace: let double.Parse decide
        }

        double m = mantissa;
        if (mantissa == 0)
        {
            value = negative ? -0.0 : 0.0;
            return true;
        }

        if (exponent < -22 || exponent > 22)
        {
            return false;
        }

        m = exponent >= 0 ? m * PowersOfTen[exponent] : m / PowersOfTen[-exponent];
        value = negative ? -m : m;
        return true;
    }
}
