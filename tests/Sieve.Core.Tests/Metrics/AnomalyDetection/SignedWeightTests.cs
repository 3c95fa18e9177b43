using Sieve.Core.Metrics.AnomalyDetection;

namespace Sieve.Core.Tests.Metrics.AnomalyDetection;

/// <summary>
/// Negative event weights (NLO samples) in signed sums, against values worked out by hand.
/// Background scores 4, 3, 2, 1 with weights 1, -0.5, 1, 0.5 (sum 2); signal scores 5, 3.5, 2.5 with
/// weights 1, 1, -0.5 (sum 1.5). Sorted by score: 5 S, 4 B, 3.5 S, 3 B-, 2.5 S-, 2 B, 1 B, so the ROC
/// points are (0, 0), (0, 2/3), (0.5, 2/3), (0.5, 4/3), (0.25, 4/3), (0.25, 1), (0.75, 1), (1, 1).
/// </summary>
public class SignedWeightTests
{
    private static readonly double[] BackgroundScores = [4, 3, 2, 1];
    private static readonly double[] BackgroundWeights = [1, -0.5, 1, 0.5];
    private static readonly double[] SignalScores = [5, 3.5, 2.5];
    private static readonly double[] SignalWeights = [1, 1, -0.5];

    private static ScoredSample Background(EventWeighting weighting = EventWeighting.Signed) =>
        ScoredSample.Create("background", BackgroundScores, BackgroundWeights).WithWeighting(weighting);

    private static ScoredSample Signal(EventWeighting weighting = EventWeighting.Signed) =>
        ScoredSample.Create("signal", SignalScores, SignalWeights).WithWeighting(weighting);

    [Fact]
    public void Signed_sums_give_the_hand_computed_curve_and_auc()
    {
        RocCurve roc = RocCurve.Compute(Background(), Signal());
        double[] fpr = [0, 0, 0.5, 0.5, 0.25, 0.25, 0.75, 1];
        double[] tpr = [0, 2.0 / 3, 2.0 / 3, 4.0 / 3, 4.0 / 3, 1, 1, 1];
        Assert.Equal(fpr.Length, roc.Count);
        for (int i = 0; i < fpr.Length; i++)
        {
            Assert.Equal(fpr[i], roc.Fpr[i], 12);
            Assert.Equal(tpr[i], roc.Tpr[i], 12);
        }

        // Trapezoids: 0.5 x 2/3 - 0.25 x 4/3 + 0.5 x 1 + 0.25 x 1 = 0.75; the signed Mann-Whitney sum
        // (1 x 2 + 1 x 1 - 0.5 x 1.5) / (1.5 x 2) = 0.75 as well.
        Assert.Equal(0.75, roc.Auc, 12);
        Assert.Equal(4, roc.BackgroundCount);
        Assert.Equal(2.0, roc.BackgroundWeight, 12);
        Assert.Equal(1.5, roc.SignalWeight, 12);
    }

    [Fact]
    public void Non_monotone_efficiencies_are_measured_and_warned_about()
    {
        RocCurve roc = RocCurve.Compute(Background(), Signal());
        Assert.False(roc.FprMonotonicity.IsMonotone);
        Assert.Equal(1, roc.FprMonotonicity.Decreases);
        Assert.Equal(0.25, roc.FprMonotonicity.LargestDecrease, 12);
        Assert.Equal(3.0, roc.FprMonotonicity.AtThreshold);
        Assert.False(roc.TprMonotonicity.IsMonotone);
        Assert.Equal(1.0 / 3, roc.TprMonotonicity.LargestDecrease, 12);
        Assert.Equal(2.5, roc.TprMonotonicity.AtThreshold);
        Assert.Equal(4.0 / 3, roc.TprMonotonicity.Maximum, 12);

        AnomalyReport report = AnomalyEvaluator.Evaluate(Background(), [Signal()], new AnomalyMetricsOptions { BootstrapReplicates = 0 });
        Assert.Equal(2, report.Warnings.Count);
        Assert.StartsWith("background: the FPR is not monotone", report.Warnings[0], StringComparison.Ordinal);
        Assert.StartsWith("signal: the TPR is not monotone", report.Warnings[1], StringComparison.Ordinal);

        AnomalyReport clipped = AnomalyEvaluator.Evaluate(Background(EventWeighting.ClipNegative), [Signal(EventWeighting.ClipNegative)], new AnomalyMetricsOptions { BootstrapReplicates = 0 });
        Assert.Empty(clipped.Warnings);
    }

    [Fact]
    public void Working_points_take_the_tightest_cut_before_the_first_crossing()
    {
        RocCurve roc = RocCurve.Compute(Background(), Signal());

        // At 0.3 the FPR is first exceeded at point 2 (0.5): the cut is point 1 (score 5), TPR 2/3, although
        // point 4 (0.25, 4/3) is below the target again at a looser cut.
        WorkingPoint p = WorkingPoints.At(roc, 0.3);
        Assert.Equal(5.0, p.Threshold);
        Assert.Equal(0.0, p.Fpr);
        Assert.Equal(2.0 / 3, p.Tpr!.Value, 12);
        Assert.Equal(2.0 / 3, WorkingPoints.At(roc, 0.3, WorkingPointMethod.Interpolate).Tpr!.Value, 12);

        // At 0.6: first exceeded at point 6 (0.75), so point 5 (score 2.5): FPR 0.25, TPR 1.
        WorkingPoint q = WorkingPoints.At(roc, 0.6);
        Assert.Equal(2.5, q.Threshold);
        Assert.Equal(0.25, q.Fpr!.Value, 12);
        Assert.Equal(1.0, q.Tpr!.Value, 12);
        Assert.Equal(1.0 / Math.Sqrt(0.25), q.Sic!.Value, 12);
    }

    [Fact]
    public void Clipping_and_ignoring_give_their_own_hand_computed_aucs()
    {
        // Clipped: background 1, 0, 1, 0.5 (sum 2.5), signal 1, 1, 0 (sum 2): (1 x 2.5 + 1 x 1.5) / 5 = 0.8.
        ScoredSample clippedBackground = Background(EventWeighting.ClipNegative);
        Assert.Equal(3, clippedBackground.EffectiveCount);
        Assert.Equal(0, clippedBackground.NegativeCount);
        Assert.Equal(0.8, RocCurve.Compute(clippedBackground, Signal(EventWeighting.ClipNegative)).Auc, 12);

        // Every event once: signal 5 beats 4 of 4, 3.5 beats 3, 2.5 beats 2: 9 of 12 pairs.
        Assert.Equal(0.75, RocCurve.Compute(Background(EventWeighting.Ignored), Signal(EventWeighting.Ignored)).Auc, 12);

        ScoredSample signed = Background();
        Assert.Equal(1, signed.NegativeCount);
        Assert.Equal(-0.5, signed.NegativeWeight);
    }

    [Fact]
    public void A_sample_whose_weights_do_not_sum_to_a_positive_number_is_refused()
    {
        ScoredSample cancelled = ScoredSample.Create("nlo", [1.0, 2], [1.0, -1]);
        ArgumentException e = Assert.Throws<ArgumentException>(() => RocCurve.Compute(cancelled, Signal()));
        Assert.Contains("'nlo': its weights sum to 0", e.Message, StringComparison.Ordinal);
        Assert.Contains("--clip-negative-weights", e.Message, StringComparison.Ordinal);
        Assert.Equal(0.0, RocCurve.Compute(cancelled.WithWeighting(EventWeighting.ClipNegative), ScoredSample.Create("s", [0.5])).Auc);
    }

    [Fact]
    public void The_bootstrap_skips_replicates_whose_weights_cancel()
    {
        // Background 1 and -0.9: about a quarter of the replicates draw the negative event twice.
        ScoredSample background = ScoredSample.Create("background", [1.0, 2], [1.0, -0.9]);
        RocBootstrap bootstrap = RocBootstrap.Run(background, ScoredSample.Create("signal", [3.0, 0]), new AnomalyMetricsOptions { BootstrapReplicates = 200 });
        Assert.InRange(bootstrap.Auc.Replicates, 100, 199);
        Assert.True(double.IsFinite(bootstrap.Auc.Mean));
    }
}
