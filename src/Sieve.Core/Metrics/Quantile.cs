namespace Sieve.Core.Metrics;

/// <summary>Quantiles of sorted samples.</summary>
public static class Quantile
{
    /// <summary>
    /// The <paramref name="q"/>-quantile of ascending <paramref name="sorted"/> values by linear
    /// interpolation between order statistics (numpy's default <c>method="linear"</c>, Hyndman and
    /// Fan type 7): position h = (n - 1) q, value x[floor h] + (h - floor h)(x[floor h + 1] - x[floor h]).
    /// Returns NaN for no values.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="q"/> is outside [0, 1].</exception>
    public static double OfSorted(ReadOnlySpan<double> sorted, double q)
    {
        if (!(q >= 0 && q <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(q), q, "quantile must lie in [0, 1].");
        }

        if (sorted.IsEmpty)
        {
            return double.NaN;
        }

        double h = (sorted.Length - 1) * q;
        int lo = (int)Math.Floor(h);
        if (lo >= sorted.Length - 1)
        {
            return sorted[^1];
        }

        double frac = h - lo;
        return sorted[lo] + (frac * (sorted[lo + 1] - sorted[lo]));
    }
}
