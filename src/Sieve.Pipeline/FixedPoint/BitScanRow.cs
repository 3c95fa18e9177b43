using Sieve.Models.FixedPoint;

namespace Sieve.Pipeline;

/// <summary>One width of a bit scan: how far the fixed-point reconstruction score is from the float one.</summary>
/// <param name="TotalBits">W.</param>
/// <param name="Precision">The scanned type at this width.</param>
/// <param name="MeanAbsScoreDifference">Mean over background events of |score_fixed - score_float|.</param>
/// <param name="MaxAbsScoreDifference">Largest |score_fixed - score_float| over background events.</param>
/// <param name="Auc">AUC of the fixed-point score, signal against background; null without a signal.</param>
/// <param name="WeightsOverflowed">Share of all weights and biases that overflowed their type.</param>
/// <param name="WeightsZeroed">Share of all non-zero weights and biases that became 0.</param>
public sealed record BitScanRow(int TotalBits, ApFixedFormat Precision, double MeanAbsScoreDifference, double MaxAbsScoreDifference, double? Auc,
    double WeightsOverflowed, double WeightsZeroed)
{
    /// <summary>Multiplications, weight bits, estimated multipliers and latency at this width (<see cref="ResourceEstimate"/>).</summary>
    public ResourceEstimate? Resources { get; init; }
}
