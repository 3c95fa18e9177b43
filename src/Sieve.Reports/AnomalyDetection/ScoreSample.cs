namespace Sieve.Reports.AnomalyDetection;

/// <summary>The anomaly scores of one process (background or a signal), for <see cref="ScoreDistributionPlot"/>.</summary>
/// <param name="Label">Process name for the legend.</param>
/// <param name="Scores">One score per event; NaN and infinities are counted in the legend, not binned.</param>
/// <param name="IsBackground">Drawn as a filled grey histogram, so the signals' lines stand out against it.</param>
public sealed record ScoreSample(string Label, double[] Scores, bool IsBackground = false);
