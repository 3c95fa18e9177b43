namespace Sieve.Core.Metrics.Generation;

/// <summary>
/// The 1-Wasserstein distance (W1, earth mover's distance) of two 1-D samples, exact: the integral
/// of |F_u(x) - F_v(x)| over x, with F the (optionally weighted) empirical CDFs. The same definition
/// and result as <c>scipy.stats.wasserstein_distance</c>; O((n + m) log(n + m)).
/// </summary>
public static class Wasserstein
{
    /// <summary>W1 of two unweighted samples.</summary>
    public static double Distance(ReadOnlySpan<double> u, ReadOnlySpan<double> v) => Distance(u, default, v, default);

    /// <summary>
    /// W1 of two samples with non-negative weights (an empty weight span means every value weighs 1).
    /// Weights are normalised per sample, so only their ratios matter.
    /// </summary>
    public static double Distance(ReadOnlySpan<double> u, ReadOnlySpan<double> uWeights, ReadOnlySpan<double> v, ReadOnlySpan<double> vWeights)
    {
        (double[] uValues, double[] uCdf) = SortedCdf(u, uWeights, "u");
        (double[] vValues, double[] vCdf) = SortedCdf(v, vWeights, "v");

        // Walk the merged sorted values: between two consecutive values both CDFs are constant.
        double distance = 0;
        int i = 0, j = 0;
        double fu = 0, fv = 0;
        double previous = Math.Min(uValues[0], vValues[0]);
        while (i < uValues.Length || j < vValues.Length)
        {
            double next = j >= vValues.Length || (i < uValues.Length && uValues[i] <= vValues[j]) ? uValues[i] : vValues[j];
            distance += Math.Abs(fu - fv) * (next - previous);
            // Step past every value equal to next (ties within and across samples) before the next interval.
            while (i < uValues.Length && uValues[i] == next)
            {
                fu = uCdf[i++];
            }

            while (j < vValues.Length && vValues[j] == next)
            {
                fv = vCdf[j++];
            }

            previous = next;
        }

        return distance;
    }

    // Values sorted ascending with the CDF after each (weights normalised to a total of 1; the last is exactly 1).
    private static (double[] Values, double[] Cdf) SortedCdf(ReadOnlySpan<double> values, ReadOnlySpan<double> weights, string name)
    {
        if (values.IsEmpty)
        {
            throw new ArgumentException($"sample {name} is empty; W1 needs at least one value in each sample.", name);
        }

        if (!weights.IsEmpty && weights.Length != values.Length)
        {
            throw new ArgumentException($"sample {name} has {values.Length} values but {weights.Length} weights; expected one weight per value.", name);
        }

        double[] sorted = values.ToArray();
        double[] w = weights.IsEmpty ? [.. Enumerable.Repeat(1.0, values.Length)] : weights.ToArray();
        for (int k = 0; k < sorted.Length; k++)
        {
            if (!double.IsFinite(sorted[k]))
            {
                throw new ArgumentException($"sample {name} holds a non-finite value ({sorted[k]}) at index {k}; expected finite numbers.", name);
            }

            if (!(w[k] >= 0) || !double.IsFinite(w[k]))
            {
                throw new ArgumentException($"sample {name} has weight {w[k]} at index {k}; expected finite weights >= 0.", name);
            }
        }

        Array.Sort(sorted, w);
        double total = 0;
        foreach (double x in w)
        {
            total += x;
        }

        if (!(total > 0))
        {
            throw new ArgumentException($"the weights of sample {name} sum to {total}; expected a positive total.", name);
        }

        var cdf = new double[sorted.Length];
        double running = 0;
        for (int k = 0; k < sorted.Length; k++)
        {
            running += w[k];
            cdf[k] = running / total;
        }

        cdf[^1] = 1;
        return (sorted, cdf);
    }
}
