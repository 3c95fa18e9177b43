namespace Sieve.Core.Metrics.AnomalyDetection;

/// <summary>The background sample as the report describes it.</summary>
/// <param name="Name">Sample name.</param>
/// <param name="Events">Events given.</param>
/// <param name="EffectiveEvents">Events with a non-zero weight (N_bg; 1 / N_bg is the smallest FPR quoted).</param>
/// <param name="TotalWeight">Sum of weights (signed).</param>
/// <param name="Score">Unweighted summary of the scores.</param>
/// <param name="Correlation">Score vs multiplicity, overall and per process; null without multiplicities.</param>
public sealed record BackgroundReport(string Name, int Events, int EffectiveEvents, double TotalWeight, SummaryStatistics Score, ScoreCorrelation? Correlation);
