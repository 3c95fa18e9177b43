namespace Sieve.Core.Metrics;

/// <summary>
/// Residuals of one variable collected in bounded memory: the count, mean, RMS, standard
/// deviation, minimum and maximum are exact over every value added (NaN left out and counted);
/// the values themselves are kept up to <see cref="Capacity"/>, and past it a uniform random
/// sample of that size is kept (reservoir sampling, seeded, so a rerun gives the same report), from
/// which the quantiles (median, IQR width) and histograms come. Up to the capacity the summary is
/// exactly <see cref="SummaryStatistics.FromValues"/> of all values.
/// </summary>
public sealed class ResidualSample
{
    /// <summary>Values kept by default: 2^20 (8 MiB), a quantile's rank error below 0.1 % once sampled.</summary>
    public const int DefaultCapacity = 1 << 20;

    private readonly List<double> kept = [];
    private readonly Random random;
    private long count;
    private double mean, m2, sumSquares, min = double.PositiveInfinity, max = double.NegativeInfinity;

    /// <summary>An empty sample that keeps at most <paramref name="capacity"/> values.</summary>
    public ResidualSample(int capacity = DefaultCapacity, int seed = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        Capacity = capacity;
        random = new Random(seed);
    }

    /// <summary>Most values kept.</summary>
    public int Capacity { get; }

    /// <summary>Values added, NaN excluded.</summary>
    public long Count => count;

    /// <summary>NaN values added (left out of everything else).</summary>
    public long NaNCount { get; private set; }

    /// <summary>Whether more values were added than kept: quantiles and histograms then come from the sample.</summary>
    public bool IsSampled => count > Capacity;

    /// <summary>The values kept: all of them, or a uniform sample of <see cref="Capacity"/> once sampled.</summary>
    public IReadOnlyList<double> Kept => kept;

    /// <summary>Adds one value.</summary>
    public void Add(double value)
    {
        if (double.IsNaN(value))
        {
            NaNCount++;
            return;
        }

        count++;
        double delta = value - mean; // Welford: accurate mean and variance in one pass
        mean += delta / count;
        m2 += delta * (value - mean);
        sumSquares += value * value;
        min = Math.Min(min, value);
        max = Math.Max(max, value);
        if (kept.Count < Capacity)
        {
            kept.Add(value);
        }
        else
        {
            // Algorithm R: the value replaces a kept one with probability Capacity / count.
            long slot = random.NextInt64(count);
            if (slot < Capacity)
            {
                kept[(int)slot] = value;
            }
        }
    }

    /// <summary>The summary: exact moments and extremes; quantiles of the kept values.</summary>
    public SummaryStatistics Summary()
    {
        if (!IsSampled)
        {
            return SummaryStatistics.FromValues(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(kept));
        }

        double[] sorted = [.. kept];
        Array.Sort(sorted);
        double q25 = Quantile.OfSorted(sorted, 0.25), q75 = Quantile.OfSorted(sorted, 0.75);
        return new SummaryStatistics(
            Count: checked((int)count),
            Mean: mean,
            Rms: Math.Sqrt(sumSquares / count),
            Std: Math.Sqrt(m2 / count),
            IqrWidth: (q75 - q25) / SummaryStatistics.GaussianIqrPerSigma,
            Median: Quantile.OfSorted(sorted, 0.5),
            Min: min,
            Max: max,
            MaxAbs: Math.Max(Math.Abs(min), Math.Abs(max)));
    }
}
