namespace Sieve.Core.Metrics.AnomalyDetection;

/// <summary>
/// How much the score tracks the object multiplicity, overall and per process: a score that mostly
/// counts objects flags busy events rather than new physics (a known failure mode of reconstruction
/// errors), so reports always carry this.
/// </summary>
/// <param name="Sample">Name of the sample.</param>
/// <param name="Overall">All events together.</param>
/// <param name="PerProcess">One entry per process id, ordinal order; empty without process ids.</param>
public sealed record ScoreCorrelation(string Sample, CorrelationResult Overall, IReadOnlyList<CorrelationResult> PerProcess)
{
    /// <summary>Computes the correlations of a sample that has multiplicities.</summary>
    /// <exception cref="ArgumentException">The sample has no multiplicities.</exception>
    public static ScoreCorrelation Compute(ScoredSample sample)
    {
        ArgumentNullException.ThrowIfNull(sample);
        if (!sample.HasMultiplicities)
        {
            throw new ArgumentException($"Sample '{sample.Name}' has no multiplicities; give one per event to correlate the score with it.", nameof(sample));
        }

        double[] scores = sample.Scores.ToArray();
        double[] counts = new double[sample.Count];
        for (int i = 0; i < counts.Length; i++)
        {
            counts[i] = sample.Multiplicities[i];
        }

        var perProcess = new List<CorrelationResult>();
        if (sample.ProcessIds is { } ids)
        {
            foreach (IGrouping<string, int> group in Enumerable.Range(0, ids.Count).GroupBy(i => ids[i], StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                double[] s = group.Select(i => scores[i]).ToArray();
                double[] m = group.Select(i => counts[i]).ToArray();
                perProcess.Add(new CorrelationResult(group.Key, s.Length, Pearson(s, m), Spearman(s, m)));
            }
        }

        return new ScoreCorrelation(sample.Name, new CorrelationResult(null, scores.Length, Pearson(scores, counts), Spearman(scores, counts)), perProcess);
    }

    /// <summary>Pearson's correlation coefficient; NaN for fewer than two values or a constant column.</summary>
    public static double Pearson(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        if (x.Length != y.Length)
        {
            throw new ArgumentException($"The columns have {x.Length} and {y.Length} values; they must pair up.", nameof(y));
        }

        int n = x.Length;
        if (n < 2)
        {
            return double.NaN;
        }

        double mx = 0;
        double my = 0;
        for (int i = 0; i < n; i++)
        {
            mx += x[i];
            my += y[i];
        }

        mx /= n;
        my /= n;
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < n; i++)
        {
            double dx = x[i] - mx;
            double dy = y[i] - my;
            sxy += dx * dy;
            sxx += dx * dx;
            syy += dy * dy;
        }

        return sxx > 0 && syy > 0 ? Math.Clamp(sxy / Math.Sqrt(sxx * syy), -1.0, 1.0) : double.NaN;
    }

    /// <summary>Spearman's rank correlation: Pearson of the mean ranks.</summary>
    public static double Spearman(ReadOnlySpan<double> x, ReadOnlySpan<double> y) => Pearson(Ranks(x), Ranks(y));

    /// <summary>1-based ranks, tied values sharing their mean rank.</summary>
    internal static double[] Ranks(ReadOnlySpan<double> values)
    {
        int n = values.Length;
        double[] keys = values.ToArray();
        int[] order = Enumerable.Range(0, n).ToArray();
        Array.Sort(keys, order);
        double[] ranks = new double[n];
        int start = 0;
        while (start < n)
        {
            int end = start;
            while (end + 1 < n && keys[end + 1] == keys[start])
            {
                end++;
            }

            double mean = ((start + end) / 2.0) + 1;
            for (int i = start; i <= end; i++)
            {
                ranks[order[i]] = mean;
            }

            start = end + 1;
        }

        return ranks;
    }
}
