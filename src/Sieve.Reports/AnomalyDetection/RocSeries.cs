namespace Sieve.Reports.AnomalyDetection;

/// <summary>
/// One ROC curve to draw: background efficiency (FPR) and signal efficiency (TPR) at each threshold,
/// in the same order, plus the AUC for the legend. The caller maps its ROC computation into this
/// record, so the plots do not depend on how the curve was computed.
/// </summary>
/// <param name="Label">Legend label, usually the signal process name.</param>
/// <param name="Fpr">Background efficiencies, in [0, 1] unless negative event weights took them outside; points with FPR &lt;= 0 cannot be shown on the log axis and are skipped.</param>
/// <param name="Tpr">Signal efficiencies, one per entry of <paramref name="Fpr"/>; with negative event weights they may leave [0, 1], and the axis then widens to show it.</param>
/// <param name="Auc">Area under the curve, printed in the legend.</param>
/// <param name="AucError">Statistical uncertainty of the AUC (e.g. bootstrap), printed as ± when given.</param>
public sealed record RocSeries(string Label, double[] Fpr, double[] Tpr, double Auc, double? AucError = null)
{
    /// <summary>Throws an <see cref="ArgumentException"/> naming this curve when the arrays cannot be drawn.</summary>
    internal void Validate(string parameterName)
    {
        if (Label is null || Fpr is null || Tpr is null)
        {
            throw new ArgumentException("A ROC curve needs a label, FPR and TPR arrays.", parameterName);
        }

        if (Fpr.Length != Tpr.Length)
        {
            throw new ArgumentException($"ROC curve '{Label}' has {Fpr.Length} FPR values but {Tpr.Length} TPR values; they must pair up.", parameterName);
        }

        if (Fpr.Length == 0)
        {
            throw new ArgumentException($"ROC curve '{Label}' has no points.", parameterName);
        }

        for (int i = 0; i < Fpr.Length; i++)
        {
            // Signed sums of NLO weights can overshoot [0, 1] on the way; only non-numbers cannot be drawn.
            if (!double.IsFinite(Fpr[i]) || !double.IsFinite(Tpr[i]))
            {
                throw new ArgumentException(
                    $"ROC curve '{Label}' point {i} is (FPR {Fpr[i]}, TPR {Tpr[i]}); efficiencies must be finite numbers.", parameterName);
            }
        }
    }
}
