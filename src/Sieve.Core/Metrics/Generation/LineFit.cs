namespace Sieve.Core.Metrics.Generation;

/// <summary>
/// Least-squares straight line y = a + b x with a >= 0 and b >= 0 (FPD's extrapolation: a distance
/// is not negative and its finite-sample bias is positive), with the intercept's standard error from
/// the fit's covariance s^2 (J^T J)^-1, s^2 = RSS / (n - 2), as <c>scipy.optimize.curve_fit</c> reports it.
/// </summary>
/// <param name="Intercept">a.</param>
/// <param name="Slope">b.</param>
/// <param name="InterceptError">Standard error of a.</param>
public sealed record LineFit(double Intercept, double Slope, double InterceptError)
{
    /// <summary>Fits the bounded line to the points; at least 3.</summary>
    public static LineFit NonNegative(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        int n = x.Count;
        if (n < 3 || y.Count != n)
        {
            throw new ArgumentException($"a line with an error needs at least 3 points with one y each (got {n} x and {y.Count} y).");
        }

        double sx = 0, sy = 0, sxx = 0, sxy = 0;
        for (int i = 0; i < n; i++)
        {
            sx += x[i];
            sy += y[i];
            sxx += x[i] * x[i];
            sxy += x[i] * y[i];
        }

        // Centred sums: the x here are ~1e-5 apart, raw sums would cancel.
        double mx = sx / n, my = sy / n, cxx = 0, cxy = 0;
        for (int i = 0; i < n; i++)
        {
            cxx += (x[i] - mx) * (x[i] - mx);
            cxy += (x[i] - mx) * (y[i] - my);
        }

        double b = cxy / cxx, a = my - (b * mx);
        if (b < 0)
        {
            // The constrained optimum lies on b = 0: the best constant.
            (a, b) = (Math.Max(0, my), 0);
        }
        else if (a < 0)
        {
            // On a = 0: a line through the origin.
            (a, b) = (0, Math.Max(0, sxy / sxx));
        }

        double rss = 0;
        for (int i = 0; i < n; i++)
        {
            double r = y[i] - a - (b * x[i]);
            rss += r * r;
        }

        // (J^T J)^-1 [0, 0] = sxx / (n sxx - sx^2) = sxx / (n cxx).
        double variance = rss / (n - 2) * (sxx / (n * cxx));
        return new LineFit(a, b, Math.Sqrt(variance));
    }
}
