namespace Sieve.Core.Metrics.AnomalyDetection;

/// <summary>
/// Correlation of the score with the object multiplicity over a set of events (unweighted: it describes
/// the events as they are, and within one process the weights are usually equal anyway).
/// </summary>
/// <param name="ProcessId">The process, or null for all events together.</param>
/// <param name="Count">Events used.</param>
/// <param name="Pearson">Pearson's linear correlation; NaN for fewer than two events or a constant column.</param>
/// <param name="Spearman">Spearman's rank correlation (Pearson of the ranks, ties given their mean
/// rank, as <c>scipy.stats.spearmanr</c>); NaN as for Pearson.</param>
public sealed record CorrelationResult(string? ProcessId, int Count, double Pearson, double Spearman);
