namespace Sieve.Core.Metrics.AnomalyDetection;

/// <summary>How the signal efficiency at a target background efficiency is read off a ROC.</summary>
public enum WorkingPointMethod
{
    /// <summary>
    /// The ROC point with the largest FPR not above the target (and, on a vertical segment, the largest
    /// TPR): a real score cut whose background rate does not exceed the budget. The reported FPR is the
    /// one reached, which may be below the target. Default: it is what a trigger can actually run.
    /// </summary>
    ConservativeStep,

    /// <summary>
    /// Linear interpolation between the ROC points either side of the target, as <c>numpy.interp</c> on a
    /// ROC does; the reported FPR is the target. The TPR is reached only by a random mixture of the two
    /// neighbouring cuts; the reported threshold is the conservative one.
    /// </summary>
    Interpolate,
}
