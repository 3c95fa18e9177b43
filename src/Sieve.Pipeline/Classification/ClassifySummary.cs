using Sieve.Core.Metrics.AnomalyDetection;
using Sieve.Core.Metrics.Classification;

namespace Sieve.Pipeline;

/// <summary>classify.json: the supervised reference on the held-out test split.</summary>
/// <param name="Features">Feature columns the classifier read.</param>
/// <param name="Hidden">Hidden-layer widths.</param>
/// <param name="Split">Rows per split and class: train, validation, test.</param>
/// <param name="BestEpoch">Epoch whose weights were kept.</param>
/// <param name="EpochsRun">Epochs run (early stopping may end the run before the maximum).</param>
/// <param name="Auc">Test-split AUC (weighted as the report's weighting says).</param>
/// <param name="AucBootstrap">Its bootstrap spread.</param>
/// <param name="WorkingPoints">TPR at the target FPRs, as `sieve roc` gives them.</param>
/// <param name="WorkingPoint">How the confusion matrix's cut was chosen (on the validation split).</param>
/// <param name="Confusion">The test split's confusion matrix at that cut.</param>
/// <param name="Weighting">How event weights entered the report.</param>
/// <param name="Notes">What a reader must know to read the numbers.</param>
public sealed record ClassifySummary(IReadOnlyList<string> Features, IReadOnlyList<int> Hidden, IReadOnlyDictionary<string, int[]> Split, int BestEpoch, int EpochsRun,
    double Auc, BootstrapSummary? AucBootstrap, IReadOnlyList<WorkingPoint> WorkingPoints, string WorkingPoint, ConfusionMatrix Confusion, string Weighting, IReadOnlyList<string> Notes)
{
    /// <summary>Identifies the file kind and version.</summary>
    public string Schema { get; init; } = "sieve.classify/1";
}
