namespace Sieve.Core.Metrics.AnomalyDetection;

/// <summary>
/// Spread of a metric over bootstrap replicates. Std uses n - 1 in the denominator; the percentiles are
/// linear-interpolation quantiles (<see cref="Quantile.OfSorted"/>); 16 and 84 bracket +-1 sigma for a
/// Gaussian. Replicates where the metric was undefined are left out of <see cref="Replicates"/>.
/// </summary>
/// <param name="Replicates">Replicates used.</param>
/// <param name="Mean">Mean over the replicates.</param>
/// <param name="Std">Sample standard deviation (NaN for fewer than two replicates).</param>
/// <param name="P16">16th percentile.</param>
/// <param name="P84">84th percentile.</param>
public sealed record BootstrapSummary(int Replicates, double Mean, double Std, double P16, double P84)
{
    /// <summary>Summarises replicate values (NaN values are skipped).</summary>
    public static BootstrapSummary FromValues(ReadOnlySpan<double> values)
    {
        double[] used = new double[values.Length];
        int n = 0;
        foreach (double v in values)
        {
            if (!double.IsNaN(v))
            {
                used[n++] = v;
            }
        }

        Span<double> sorted = used.AsSpan(0, n);
        sorted.Sort();
        double mean = double.NaN;
        double std = double.NaN;
        if (n > 0)
        {
            double sum = 0;
            foreach (double v in sorted)
            {
                sum += v;
            }

            mean = sum / n;
        }

        if (n > 1)
        {
            double dev = 0;
            foreach (double v in sorted)
            {
                dev += (v - mean) * (v - mean);
            }

            std = Math.Sqrt(dev / (n - 1));
        }

        return new BootstrapSummary(n, mean, std, Quantile.OfSorted(sorted, 0.16), Quantile.OfSorted(sorted, 0.84));
    }
}
