namespace Sieve.Reports.AnomalyDetection;

/// <summary>One row of the anomaly report table: how well the score separates one signal from the background.</summary>
/// <param name="Process">Signal process name.</param>
/// <param name="Auc">Area under the ROC curve.</param>
/// <param name="AucError">Statistical uncertainty of the AUC, or null.</param>
/// <param name="Efficiencies">Signal efficiency at fixed background efficiencies (usually 1e-2 ... 1e-5).</param>
/// <param name="MultiplicityCorrelation">Pearson r of the score with the object count for this signal, or null if not measured.</param>
public sealed record SignalSummary(
    string Process,
    double Auc,
    double? AucError,
    IReadOnlyList<EfficiencyAtFpr> Efficiencies,
    double? MultiplicityCorrelation = null);
