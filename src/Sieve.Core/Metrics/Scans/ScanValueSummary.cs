namespace Sieve.Core.Metrics.Scans;

/// <summary>The trainings of one value of a scan, over their seeds.</summary>
/// <param name="Value">The parameter's value.</param>
/// <param name="Seeds">Trainings with a finite validation loss.</param>
/// <param name="Mean">Mean validation loss.</param>
/// <param name="StandardDeviation">Sample standard deviation over the seeds (0 for one seed).</param>
/// <param name="Minimum">Lowest.</param>
/// <param name="Maximum">Highest.</param>
public sealed record ScanValueSummary(int Value, int Seeds, double Mean, double StandardDeviation, double Minimum, double Maximum)
{
    /// <summary>Standard error of the mean: the standard deviation over the square root of the seeds.</summary>
    public double StandardError => Seeds > 0 ? StandardDeviation / Math.Sqrt(Seeds) : double.NaN;
}
