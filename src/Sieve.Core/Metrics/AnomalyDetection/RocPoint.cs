namespace Sieve.Core.Metrics.AnomalyDetection;

/// <summary>
/// One point of a ROC curve: events with score &gt;= <paramref name="Threshold"/> are selected
/// (the first point, threshold +infinity, is the origin and selects nothing).
/// </summary>
/// <param name="Threshold">Score cut.</param>
/// <param name="Fpr">Background efficiency eps_B: selected background weight / total background weight.</param>
/// <param name="Tpr">Signal efficiency eps_S: selected signal weight / total signal weight.</param>
public readonly record struct RocPoint(double Threshold, double Fpr, double Tpr);
