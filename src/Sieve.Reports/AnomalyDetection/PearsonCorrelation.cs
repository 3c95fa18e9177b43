namespace Sieve.Reports.AnomalyDetection;

/// <summary>
/// Pearson correlation of the anomaly score with the object multiplicity: the check for the known
/// failure mode where a score only counts objects (more objects, larger reconstruction error).
/// </summary>
public static class PearsonCorrelation
{
    /// <summary>
    /// Pearson r of the pairs (<paramref name="x"/>[i], <paramref name="y"/>[i]); pairs with a NaN or
    /// infinite member are skipped. NaN when fewer than two pairs remain or either side is constant,
    /// since r is undefined then (not 0: "no correlation" would be a claim).
    /// </summary>
    public static double Compute(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        if (x.Length != y.Length)
        {
            throw new ArgumentException($"Correlation needs pairs: {x.Length} x values but {y.Length} y values.", nameof(y));
        }

        // Two passes around the means: the one-pass sum-of-squares formula loses all digits when the
        // scores are large and nearly equal.
        double sumX = 0, sumY = 0;
        int n = 0;
        for (int i = 0; i < x.Length; i++)
        {
            if (double.IsFinite(x[i]) && double.IsFinite(y[i]))
            {
                sumX += x[i];
                sumY += y[i];
                n++;
            }
        }

        if (n < 2)
        {
            return double.NaN;
        }

        double meanX = sumX / n, meanY = sumY / n;
        double sxx = 0, syy = 0, sxy = 0;
        for (int i = 0; i < x.Length; i++)
        {
            if (double.IsFinite(x[i]) && double.IsFinite(y[i]))
            {
                double dx = x[i] - meanX, dy = y[i] - meanY;
                sxx += dx * dx;
                syy += dy * dy;
                sxy += dx * dy;
            }
        }

        return sxx > 0 && syy > 0 ? Math.Clamp(sxy / Math.Sqrt(sxx * syy), -1, 1) : double.NaN;
    }

    /// <summary>Pearson r of object counts and scores; see <see cref="Compute(ReadOnlySpan{double}, ReadOnlySpan{double})"/>.</summary>
    public static double Compute(ReadOnlySpan<int> multiplicity, ReadOnlySpan<double> scores)
    {
        var x = new double[multiplicity.Length];
        for (int i = 0; i < x.Length; i++)
        {
            x[i] = multiplicity[i];
        }

        return Compute(x, scores);
    }
}
