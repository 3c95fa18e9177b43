using Sieve.Core.Metrics.AnomalyDetection;

namespace Sieve.Core.Metrics.Classification;

/// <summary>
/// The weighted confusion matrix of a cut on a classifier score: an event with score &gt;= <paramref name="Threshold"/>
/// is called signal. Entries are sums of event weights (signed, as the samples hold them), so with unit
/// weights they are event counts.
/// </summary>
/// <param name="Threshold">The cut.</param>
/// <param name="TruePositive">Signal weight called signal.</param>
/// <param name="FalseNegative">Signal weight called background.</param>
/// <param name="FalsePositive">Background weight called signal.</param>
/// <param name="TrueNegative">Background weight called background.</param>
public sealed record ConfusionMatrix(double Threshold, double TruePositive, double FalseNegative, double FalsePositive, double TrueNegative)
{
    /// <summary>Signal efficiency TP / (TP + FN).</summary>
    public double Tpr => TruePositive / (TruePositive + FalseNegative);

    /// <summary>Background efficiency (false-positive rate) FP / (FP + TN).</summary>
    public double Fpr => FalsePositive / (FalsePositive + TrueNegative);

    /// <summary>Purity TP / (TP + FP): the signal share of what the cut keeps.</summary>
    public double Precision => TruePositive / (TruePositive + FalsePositive);

    /// <summary>(TP + TN) / everything; depends on the classes' relative weights, unlike TPR and FPR.</summary>
    public double Accuracy => (TruePositive + TrueNegative) / (TruePositive + FalseNegative + FalsePositive + TrueNegative);

    /// <summary>Youden's J = TPR - FPR: 0 for a random cut, 1 for a perfect one.</summary>
    public double YoudenJ => Tpr - Fpr;

    /// <summary>The matrix of the cut score &gt;= <paramref name="threshold"/>.</summary>
    public static ConfusionMatrix At(ScoredSample background, ScoredSample signal, double threshold)
    {
        ArgumentNullException.ThrowIfNull(background);
        ArgumentNullException.ThrowIfNull(signal);
        (double bgIn, double bgOut) = Split(background, threshold);
        (double sigIn, double sigOut) = Split(signal, threshold);
        return new ConfusionMatrix(threshold, sigIn, sigOut, bgIn, bgOut);
    }

    private static (double Selected, double Rejected) Split(ScoredSample sample, double threshold)
    {
        double selected = 0, rejected = 0;
        ReadOnlySpan<double> scores = sample.Scores;
        ReadOnlySpan<double> weights = sample.Weights;
        for (int i = 0; i < scores.Length; i++)
        {
            double w = weights.IsEmpty ? 1 : weights[i];
            if (scores[i] >= threshold)
            {
                selected += w;
            }
            else
            {
                rejected += w;
            }
        }

        return (selected, rejected);
    }
}
