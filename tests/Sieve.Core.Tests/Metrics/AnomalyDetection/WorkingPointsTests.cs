using Sieve.Core.Metrics.AnomalyDetection;

namespace Sieve.Core.Tests.Metrics.AnomalyDetection;

public class WorkingPointsTests
{
    // Background 1..10; signal 7..10 tied with background: ROC (0.1, 0.25), (0.2, 0.5), (0.3, 0.75), (0.4, 1), ...
    private static RocCurve Staircase() => RocCurve.Compute([1.0, 2, 3, 4, 5, 6, 7, 8, 9, 10], [], [10.0, 9, 8, 7], []);

    [Fact]
    public void Conservative_step_takes_the_point_below_the_target()
    {
        WorkingPoint p = WorkingPoints.At(Staircase(), 0.15, WorkingPointMethod.ConservativeStep, collisionRateHz: 40e6);
        Assert.Equal(WorkingPointStatus.Ok, p.Status);
        Assert.Equal(10.0, p.Threshold);
        Assert.Equal(0.1, p.Fpr!.Value, 15);
        Assert.Equal(0.25, p.Tpr);
        Assert.Equal(0.25 / Math.Sqrt(0.1), p.Sic!.Value, 12);
        Assert.Equal(4e6, p.TriggerRateHz!.Value, 6);
    }

    [Fact]
    public void Interpolation_reads_between_the_neighbours()
    {
        WorkingPoint p = WorkingPoints.At(Staircase(), 0.15, WorkingPointMethod.Interpolate);
        Assert.Equal(0.375, p.Tpr!.Value, 12);
        Assert.Equal(0.15, p.Fpr);
        Assert.Equal(10.0, p.Threshold); // the conservative cut
        Assert.Equal(0.375 / Math.Sqrt(0.15), p.Sic!.Value, 12);
        Assert.Equal(6e6, p.TriggerRateHz!.Value, 6);
    }

    [Fact]
    public void A_target_on_a_point_is_met_exactly_by_both_methods()
    {
        foreach (WorkingPointMethod method in Enum.GetValues<WorkingPointMethod>())
        {
            WorkingPoint p = WorkingPoints.At(Staircase(), 0.3, method);
            Assert.Equal(0.75, p.Tpr!.Value, 15);
            Assert.Equal(8.0, p.Threshold);
        }
    }

    [Fact]
    public void Top_of_a_vertical_segment_is_taken()
    {
        // Signal 5.5 lies between background 5 and 6: FPR 0.5 is reached at TPR 0 (t = 6) and again at TPR 1 (t = 5.5).
        RocCurve roc = RocCurve.Compute([1.0, 2, 3, 4, 5, 6, 7, 8, 9, 10], [], [5.5], []);
        WorkingPoint p = WorkingPoints.At(roc, 0.5);
        Assert.Equal(1.0, p.Tpr);
        Assert.Equal(5.5, p.Threshold);
    }

    [Fact]
    public void Below_one_over_n_background_is_not_enough_background()
    {
        double[] bg = Enumerable.Range(0, 1000).Select(i => (double)i).ToArray();
        RocCurve roc = RocCurve.Compute(bg, [], [500.5, 999.5], []);
        IReadOnlyList<WorkingPoint> points = WorkingPoints.Compute(roc, new AnomalyMetricsOptions { BootstrapReplicates = 0 });

        Assert.Equal([1e-2, 1e-3, 1e-4, 1e-5], points.Select(p => p.TargetFpr));
        Assert.Equal(WorkingPointStatus.Ok, points[1].Status); // exactly 1 / N_bg is allowed
        Assert.Equal(0.5, points[1].Tpr);
        Assert.Equal(40_000, points[1].TriggerRateHz!.Value, 6);
        Assert.Equal(WorkingPointStatus.NotEnoughBackground, points[2].Status);
        Assert.Equal(WorkingPointStatus.NotEnoughBackground, points[3].Status);
        Assert.Null(points[3].Tpr);
        Assert.Null(points[3].Threshold);
        Assert.Null(points[3].TriggerRateHz);
    }

    [Fact]
    public void The_count_is_unweighted()
    {
        // Ten background events, heavily weighted: 1e-2 is still below 1 / 10.
        RocCurve roc = RocCurve.Compute(Enumerable.Range(0, 10).Select(i => (double)i).ToArray(), Enumerable.Repeat(1e6, 10).ToArray(), [5.0], []);
        Assert.Equal(WorkingPointStatus.NotEnoughBackground, WorkingPoints.At(roc, 1e-2).Status);
        Assert.Equal(WorkingPointStatus.Ok, WorkingPoints.At(roc, 0.1).Status);
    }

    [Fact]
    public void Zero_fpr_has_no_sic()
    {
        // The heaviest background event outscores everything else: the conservative cut keeps no background.
        RocCurve roc = RocCurve.Compute([1.0, 2, 3, 10], [1.0, 1, 1, 97], [5.0], []);
        WorkingPoint p = WorkingPoints.At(roc, 0.5);
        Assert.Equal(0.0, p.Fpr);
        Assert.Equal(0.0, p.Tpr);
        Assert.Null(p.Sic);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1e-3)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    public void Invalid_targets_are_rejected(double target)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => WorkingPoints.At(Staircase(), target));
    }
}
