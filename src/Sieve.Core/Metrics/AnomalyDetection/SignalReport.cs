namespace Sieve.Core.Metrics.AnomalyDetection;

/// <summary>One signal's anomaly-detection metrics against the background.</summary>
/// <param name="Name">Signal name.</param>
/// <param name="Events">Events given.</param>
/// <param name="EffectiveEvents">Events with a non-zero weight.</param>
/// <param name="TotalWeight">Sum of weights (signed).</param>
/// <param name="Auc">Area under the ROC.</param>
/// <param name="AucBootstrap">Bootstrap spread of the AUC; null when the bootstrap was off.</param>
/// <param name="WorkingPoints">TPR, SIC and trigger rate at each target FPR (with bootstrap spread).</param>
/// <param name="Score">Unweighted summary of the scores.</param>
/// <param name="Correlation">Score vs multiplicity; null without multiplicities.</param>
public sealed record SignalReport(
    string Name,
    int Events,
    int EffectiveEvents,
    double TotalWeight,
    double Auc,
    BootstrapSummary? AucBootstrap,
    IReadOnlyList<WorkingPoint> WorkingPoints,
    SummaryStatistics Score,
    ScoreCorrelation? Correlation);
