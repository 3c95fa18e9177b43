namespace Sieve.Core.Metrics.AnomalyDetection;

/// <summary>Whether a working point could be quoted.</summary>
public enum WorkingPointStatus
{
    /// <summary>The working point was read off the ROC.</summary>
    Ok,

    /// <summary>
    /// The target FPR is below 1 / N_bg (unweighted count of background events with a non-zero weight):
    /// fewer than one background event would pass, so no number is quoted.
    /// </summary>
    NotEnoughBackground,
}
