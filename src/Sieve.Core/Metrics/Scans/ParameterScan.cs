namespace Sieve.Core.Metrics.Scans;

/// <summary>
/// The outcome of a scan over one integer parameter: every training, each value's mean and spread over
/// seeds, and the value picked by the one-standard-error rule: the <b>smallest</b> value whose mean
/// validation loss is within one standard error (of the best mean) of the lowest mean. Smaller latent
/// spaces compress better, so a larger one must earn its place by more than the seeds' noise.
/// </summary>
public sealed record ParameterScan
{
    /// <summary>The rule <see cref="Best"/> follows, in words, for reports.</summary>
    public const string Rule = "smallest value whose mean validation loss is within one standard error of the lowest mean (one-standard-error rule)";

    /// <summary>Builds the summary of <paramref name="points"/>.</summary>
    /// <exception cref="ArgumentException">No point has a finite validation loss.</exception>
    public ParameterScan(string parameter, IReadOnlyList<ScanPoint> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        Parameter = parameter;
        Points = points;
        Values = [.. points.Where(p => double.IsFinite(p.ValidationLoss)).GroupBy(p => p.Value).OrderBy(g => g.Key).Select(g => Summarise(g.Key, [.. g.Select(p => p.ValidationLoss)]))];
        if (Values.Count == 0)
        {
            throw new ArgumentException("no training of the scan has a finite validation loss.", nameof(points));
        }

        ScanValueSummary lowest = Values.MinBy(v => v.Mean)!;
        double threshold = lowest.Mean + (lowest.Seeds > 1 ? lowest.StandardError : 0);
        Best = Values.First(v => v.Mean <= threshold);
    }

    /// <summary>The parameter's name (e.g. latent).</summary>
    public string Parameter { get; }

    /// <summary>Every training, as given.</summary>
    public IReadOnlyList<ScanPoint> Points { get; }

    /// <summary>Per value, ascending.</summary>
    public IReadOnlyList<ScanValueSummary> Values { get; }

    /// <summary>The value picked by <see cref="Rule"/>.</summary>
    public ScanValueSummary Best { get; }

    private static ScanValueSummary Summarise(int value, double[] losses)
    {
        double mean = losses.Average();
        double sd = losses.Length > 1 ? Math.Sqrt(losses.Sum(l => (l - mean) * (l - mean)) / (losses.Length - 1)) : 0;
        return new ScanValueSummary(value, losses.Length, mean, sd, losses.Min(), losses.Max());
    }
}
