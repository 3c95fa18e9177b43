using System.Globalization;
using ScottPlot;
using ScottPlot.TickGenerators;

namespace Sieve.Reports.AnomalyDetection.Internal;

/// <summary>
/// Log-scaled axes for ScottPlot 5, which has no log axis of its own: the plots draw log10 of the
/// value and this class puts ticks at the true values (decades labelled 10^k, minor ticks at 2..9).
/// </summary>
internal static class LogAxis
{
    private static readonly int[] Mantissas = [1, 2, 3, 4, 5, 6, 7, 8, 9];

    /// <summary>
    /// Sets ticks on <paramref name="axis"/> for the visible range [<paramref name="lowLog"/>, <paramref name="highLog"/>]
    /// (log10 units). Decades are labelled; when fewer than two decades are visible, 2x and 5x are labelled
    /// too, and when that is still too few, every mantissa, so a short range still has readable numbers.
    /// </summary>
    public static void Apply(IAxis axis, double lowLog, double highLog)
    {
        var generator = new NumericManual();
        int first = (int)Math.Floor(lowLog);
        int last = (int)Math.Ceiling(highLog);
        int decadesInside = 0;
        for (int k = first; k <= last; k++)
        {
            if (k >= lowLog - 1e-9 && k <= highLog + 1e-9)
            {
                decadesInside++;
            }
        }

        var labelMantissas = new HashSet<int> { 1 };
        if (decadesInside < 3)
        {
            labelMantissas.UnionWith([2, 5]);
            if (CountInside(first, last, lowLog, highLog, labelMantissas) < 3)
            {
                labelMantissas.UnionWith(Mantissas);
            }
        }

        for (int k = first; k <= last; k++)
        {
            foreach (int m in Mantissas)
            {
                double position = k + Math.Log10(m);
                if (position < lowLog - 1e-9 || position > highLog + 1e-9)
                {
                    continue;
                }

                if (labelMantissas.Contains(m))
                {
                    generator.AddMajor(position, Label(m, k, plainDecades: labelMantissas.Count > 1));
                }
                else
                {
                    generator.AddMinor(position);
                }
            }
        }

        axis.TickGenerator = generator;
    }

    /// <summary>
    /// Label of m x 10^k: "10⁻³" for decades, plain numbers (0.02, 500, 2e-05) otherwise. With
    /// <paramref name="plainDecades"/> decades are plain numbers too, so "0.1" does not sit between "0.05" and "0.2" as "10⁻¹".
    /// </summary>
    public static string Label(int mantissa, int exponent, bool plainDecades = false)
    {
        if (mantissa == 1 && !(plainDecades && exponent is >= -3 and <= 4))
        {
            return exponent switch
            {
                0 => "1",
                1 => "10",
                _ => "10" + Superscript(exponent),
            };
        }

        double value = mantissa * Math.Pow(10, exponent);
        return value.ToString(exponent is >= -3 and <= 4 ? "0.####" : "0e0", CultureInfo.InvariantCulture);
    }

    /// <summary>log10 of <paramref name="value"/>, or NaN for values a log axis cannot show (zero, negative, NaN).</summary>
    public static double Log10OrNaN(double value) => value > 0 && double.IsFinite(value) ? Math.Log10(value) : double.NaN;

    private static int CountInside(int first, int last, double lowLog, double highLog, HashSet<int> mantissas)
    {
        int count = 0;
        for (int k = first; k <= last; k++)
        {
            foreach (int m in mantissas)
            {
                double position = k + Math.Log10(m);
                if (position >= lowLog - 1e-9 && position <= highLog + 1e-9)
                {
                    count++;
                }
            }
        }

        return count;
    }

    private static string Superscript(int exponent)
    {
        const string Digits = "⁰¹²³⁴⁵⁶⁷⁸⁹";
        string digits = Math.Abs(exponent).ToString(CultureInfo.InvariantCulture);
        var chars = new char[digits.Length + (exponent < 0 ? 1 : 0)];
        int at = 0;
        if (exponent < 0)
        {
            chars[at++] = '⁻';
        }

        foreach (char c in digits)
        {
            chars[at++] = Digits[c - '0'];
        }

        return new string(chars);
    }
}
