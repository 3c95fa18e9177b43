namespace Sieve.Core.Metrics.AnomalyDetection;

/// <summary>
/// One scored event: its anomaly score (high = anomalous), its weight and, optionally, the process it
/// came from and its object multiplicity. Row form of <see cref="ScoredSample"/>.
/// </summary>
/// <param name="Score">Anomaly score; must not be NaN (infinities are allowed and sort at the ends).</param>
/// <param name="Weight">Event weight, finite, negative allowed (NLO samples); 1 for unweighted samples.</param>
/// <param name="ProcessId">Process identifier (e.g. the DarkMachines process name), or null.</param>
/// <param name="Multiplicity">Number of objects in the event, or null when unknown.</param>
public readonly record struct ScoredEvent(double Score, double Weight = 1.0, string? ProcessId = null, int? Multiplicity = null);
