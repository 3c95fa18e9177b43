namespace Sieve.Core.Metrics.AnomalyDetection;

/// <summary>
/// Anomaly-detection metrics of one score: per signal AUC (with bootstrap spread), working points, SIC
/// and trigger rates; the background's size and score summary; the score's correlation with the object
/// multiplicity. Built by <see cref="AnomalyEvaluator"/>, written by <see cref="AnomalyReportJson"/>.
/// </summary>
public sealed record AnomalyReport
{
    /// <summary>Schema identifier of the JSON form; bumped on incompatible changes.</summary>
    public const string CurrentSchema = "sieve.anomaly/1";

    /// <summary>Schema identifier written to JSON.</summary>
    public string Schema { get; init; } = CurrentSchema;

    /// <summary>What the score is (e.g. "masked_mse", "r_z"). Default empty; set by the caller.</summary>
    public string ScoreName { get; init; } = string.Empty;

    /// <summary>Whether the data are synthetic. Default false.</summary>
    public bool Synthetic { get; init; }

    /// <summary>How TPR was read at each target FPR.</summary>
    public WorkingPointMethod Method { get; init; }

    /// <summary>Rate FPR multiplies into a trigger rate, in Hz.</summary>
    public double CollisionRateHz { get; init; } = AnomalyMetricsOptions.LhcCollisionRateHz;

    /// <summary>Bootstrap replicates (0: no bootstrap).</summary>
    public int BootstrapReplicates { get; init; }

    /// <summary>Bootstrap seed.</summary>
    public int BootstrapSeed { get; init; }

    /// <summary>The background sample.</summary>
    public required BackgroundReport Background { get; init; }

    /// <summary>One entry per signal, in the order given.</summary>
    public IReadOnlyList<SignalReport> Signals { get; init; } = [];

    /// <summary>What the reader must know to trust the numbers, e.g. an efficiency that is not monotone because of negative weights.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>Free-text notes (score definition, caveats).</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>The entry of a signal by name (ordinal), or null.</summary>
    public SignalReport? Find(string name) => Signals.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.Ordinal));
}
