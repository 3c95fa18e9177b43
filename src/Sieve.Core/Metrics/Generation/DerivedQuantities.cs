namespace Sieve.Core.Metrics.Generation;

/// <summary>
/// Physics quantities a comparison adds from a sample's 4-vector features: the mass
/// m = sqrt(E^2 - (pt cosh eta)^2) (clamped at 0) when E, pt and eta are features and m is not, and the
/// energy E = sqrt(m^2 + (pt cosh eta)^2) when m, pt and eta are and E is not.
/// </summary>
public static class DerivedQuantities
{
    /// <summary>The derived columns of <paramref name="sample"/>, by name (empty when none apply).</summary>
    public static IReadOnlyList<(string Name, double[] Values)> Of(SampleMatrix sample)
    {
        ArgumentNullException.ThrowIfNull(sample);
        int e = Find(sample, "E"), m = Find(sample, "m"), pt = Find(sample, "pt"), eta = Find(sample, "eta");
        var result = new List<(string, double[])>();
        if (pt < 0 || eta < 0)
        {
            return result;
        }

        double[] p = sample.Column(pt), h = sample.Column(eta);
        if (e >= 0 && m < 0)
        {
            double[] energy = sample.Column(e);
            result.Add(("m (from E, pt, eta)", [.. energy.Select((x, i) => Math.Sqrt(Math.Max(0, (x * x) - Square(p[i] * Math.Cosh(h[i])))))]));
        }

        if (m >= 0 && e < 0)
        {
            double[] mass = sample.Column(m);
            result.Add(("E (from m, pt, eta)", [.. mass.Select((x, i) => Math.Sqrt((x * x) + Square(p[i] * Math.Cosh(h[i]))))]));
        }

        return result;
    }

    private static double Square(double x) => x * x;

    private static int Find(SampleMatrix sample, string name)
    {
        for (int i = 0; i < sample.Features; i++)
        {
            if (string.Equals(sample.Names[i], name, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }
}
