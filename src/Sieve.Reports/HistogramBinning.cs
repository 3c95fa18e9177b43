using Sieve.Core.Metrics;

namespace Sieve.Reports;

/// <summary>
/// Bins for a residual histogram: the range is clipped to the 0.5 % - 99.5 % quantiles so a few
/// outliers do not squash the core; values outside are counted as underflow and overflow.
/// Bin width by the Freedman-Diaconis rule (2 IQR / n^(1/3)), 10 to 100 bins; 51 bins when the IQR is 0.
/// </summary>
/// <param name="Low">Lower edge of the first bin.</param>
/// <param name="High">Upper edge of the last bin.</param>
/// <param name="Counts">Counts per bin (the last bin includes <paramref name="High"/>).</param>
/// <param name="Underflow">Finite values below <paramref name="Low"/>.</param>
/// <param name="Overflow">Finite values above <paramref name="High"/>.</param>
/// <param name="NonFinite">NaN and infinite values (not binned).</param>
public sealed record HistogramBinning(double Low, double High, int[] Counts, int Underflow, int Overflow, int NonFinite)
{
    /// <summary>Lower clipping quantile.</summary>
    public const double LowQuantile = 0.005;

    /// <summary>Upper clipping quantile.</summary>
    public const double HighQuantile = 0.995;

    /// <summary>Width of one bin.</summary>
    public double BinWidth => (High - Low) / Counts.Length;

    /// <summary>Bins <paramref name="values"/>; an empty (or all non-finite) sample gives one empty bin on [-1, 1].</summary>
    public static HistogramBinning From(ReadOnlySpan<double> values)
    {
        var finite = new List<double>(values.Length);
        foreach (double v in values)
        {
            if (double.IsFinite(v))
            {
                finite.Add(v);
            }
        }

        int nonFinite = values.Length - finite.Count;
        if (finite.Count == 0)
        {
            return new HistogramBinning(-1, 1, new int[1], 0, 0, nonFinite);
        }

        finite.Sort();
        ReadOnlySpan<double> sorted = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(finite);
        double low = Quantile.OfSorted(sorted, LowQuantile);
        double high = Quantile.OfSorted(sorted, HighQuantile);
        if (!(high > low))
        {
            double pad = Math.Max(Math.Abs(low) * 1e-3, 1e-9);
            low -= pad;
            high += pad;
        }

        double iqr = Quantile.OfSorted(sorted, 0.75) - Quantile.OfSorted(sorted, 0.25);
        int bins = 51; // odd, so a spike at the centre of a padded constant sample sits in the middle bin
        if (iqr > 0)
        {
            double width = 2 * iqr / Math.Cbrt(sorted.Length);
            bins = (int)Math.Clamp(Math.Ceiling((high - low) / width), 10, 100);
        }

        var counts = new int[bins];
        int under = 0;
        int over = 0;
        double scale = bins / (high - low);
        foreach (double v in sorted)
        {
            if (v < low)
            {
                under++;
            }
            else if (v > high)
            {
                over++;
            }
            else
            {
                counts[Math.Min((int)((v - low) * scale), bins - 1)]++;
            }
        }

        return new HistogramBinning(low, high, counts, under, over, nonFinite);
    }
}
