namespace Sieve.Core.Metrics.AnomalyDetection;

/// <summary>
/// The signal efficiency at one target background efficiency. When <see cref="Status"/> is not
/// <see cref="WorkingPointStatus.Ok"/> the numbers are null: there is no honest value to quote.
/// </summary>
/// <param name="TargetFpr">Requested background efficiency.</param>
/// <param name="Status">Whether a value could be quoted.</param>
/// <param name="Method">How the value was read off the ROC.</param>
/// <param name="Threshold">Score cut (events with score &gt;= threshold pass); for
/// <see cref="WorkingPointMethod.Interpolate"/> the conservative neighbour's cut.</param>
/// <param name="Fpr">Background efficiency reached (the target itself when interpolating).</param>
/// <param name="Tpr">Signal efficiency eps_S.</param>
/// <param name="Sic">Significance improvement TPR / sqrt(FPR); null when FPR is 0.</param>
/// <param name="TriggerRateHz">Background rate FPR x collision rate, in Hz.</param>
/// <param name="TprBootstrap">Bootstrap spread of TPR, or null without a bootstrap.</param>
public sealed record WorkingPoint(
    double TargetFpr,
    WorkingPointStatus Status,
    WorkingPointMethod Method,
    double? Threshold,
    double? Fpr,
    double? Tpr,
    double? Sic,
    double? TriggerRateHz,
    BootstrapSummary? TprBootstrap = null);
