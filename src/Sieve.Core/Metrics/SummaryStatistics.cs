namespace Sieve.Core.Metrics;

/// <summary>
/// Summary of a sample of residuals (or any values). NaN values are left out, so
/// <see cref="Count"/> counts only the values used; an empty sample gives Count 0 and NaN elsewhere.
/// </summary>
/// <param name="Count">Number of values used (NaN excluded).</param>
/// <param name="Mean">Arithmetic mean.</param>
/// <param name="Rms">Root mean square sqrt(mean(x^2)) (about zero, not about the mean).</param>
/// <param name="Std">Population standard deviation sqrt(mean((x - mean)^2)) (numpy's ddof = 0).</param>
/// <param name="IqrWidth">Robust width (Q75 - Q25) / 1.349: the standard deviation for a Gaussian.</param>
/// <param name="Median">Q50.</param>
/// <param name="Min">Smallest value.</param>
/// <param name="Max">Largest value.</param>
/// <param name="MaxAbs">Largest absolute value.</param>
public sealed record SummaryStatistics(
    int Count, double Mean, double Rms, double Std, double IqrWidth, double Median, double Min, double Max, double MaxAbs)
{
    /// <summary>Ratio of the interquartile range to the standard deviation of a Gaussian.</summary>
    public const double GaussianIqrPerSigma = 1.349;

    /// <summary>The summary of no values: Count 0, NaN elsewhere.</summary>
    public static SummaryStatistics Empty { get; } = new(0, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN);

    /// <summary>
    /// Computes the summary; quantiles by linear interpolation (<see cref="Quantile.OfSorted"/>).
    /// Mean and standard deviation use two passes for accuracy. Infinities are kept (and show up).
    /// </summary>
    public static SummaryStatistics FromValues(ReadOnlySpan<double> values)
    {
        double[] sorted = new double[values.Length];
        int n = 0;
        foreach (double v in values)
        {
            if (!double.IsNaN(v))
            {
                sorted[n++] = v;
            }
        }

        if (n == 0)
        {
            return Empty;
        }

        Span<double> used = sorted.AsSpan(0, n);
        used.Sort();

        double sum = 0;
        double sumSquares = 0;
        foreach (double v in used)
        {
            sum += v;
            sumSquares += v * v;
        }

        double mean = sum / n;
        double sumDev = 0;
        foreach (double v in used)
        {
            double d = v - mean;
            sumDev += d * d;
        }

        double q25 = Quantile.OfSorted(used, 0.25);
        double q75 = Quantile.OfSorted(used, 0.75);
        double min = used[0];
        double max = used[^1];
        return new SummaryStatistics(
            Count: n,
            Mean: mean,
            Rms: Math.Sqrt(sumSquares / n),
            Std: Math.Sqrt(sumDev / n),
            IqrWidth: (q75 - q25) / GaussianIqrPerSigma,
            Median: Quantile.OfSorted(used, 0.5),
            Min: min,
            Max: max,
            MaxAbs: Math.Max(Math.Abs(min), Math.Abs(max)));
    }
}
