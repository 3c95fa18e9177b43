namespace Sieve.Reports.AnomalyDetection;

/// <summary>Signal efficiency at one fixed background efficiency, for the report table.</summary>
/// <param name="Fpr">Background efficiency of the working point, e.g. 1e-5 (400 Hz at 40 MHz).</param>
/// <param name="Tpr">Signal efficiency there, or null when the background sample is too small to reach this FPR; the table then says "not enough background".</param>
/// <param name="TprError">Statistical uncertainty of <paramref name="Tpr"/> (e.g. bootstrap), or null.</param>
public sealed record EfficiencyAtFpr(double Fpr, double? Tpr, double? TprError = null)
{
    /// <summary>Significance improvement TPR / sqrt(FPR), or null without a TPR.</summary>
    public double? Sic => Tpr is double tpr && Fpr > 0 ? tpr / Math.Sqrt(Fpr) : null;
}
