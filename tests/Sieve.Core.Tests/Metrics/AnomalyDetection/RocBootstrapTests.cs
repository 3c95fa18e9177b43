using Sieve.Core.Metrics.AnomalyDetection;

namespace Sieve.Core.Tests.Metrics.AnomalyDetection;

public class RocBootstrapTests
{
    private static (ScoredSample Background, ScoredSample Signal) Samples(int n, int seed)
    {
        var random = new Random(seed);
        double[] bg = Enumerable.Range(0, n).Select(_ => RocCurveTests.Gaussian(random)).ToArray();
        double[] sig = Enumerable.Range(0, n).Select(_ => 1 + RocCurveTests.Gaussian(random)).ToArray();
        double[] w = Enumerable.Range(0, n).Select(_ => 0.5 + random.NextDouble()).ToArray();
        return (ScoredSample.Create("background", bg, w), ScoredSample.Create("signal", sig));
    }

    private static readonly AnomalyMetricsOptions Options = new() { TargetFprs = [0.1, 1e-2], BootstrapReplicates = 100, BootstrapSeed = 5 };

    [Fact]
    public void Same_seed_same_numbers_other_seed_other_numbers()
    {
        (ScoredSample bg, ScoredSample sig) = Samples(500, 1);
        RocBootstrap a = RocBootstrap.Run(bg, sig, Options);
        RocBootstrap b = RocBootstrap.Run(bg, sig, Options);
        RocBootstrap c = RocBootstrap.Run(bg, sig, Options with { BootstrapSeed = 6 });

        Assert.Equal(a.Auc, b.Auc);
        Assert.Equal(a.TprAt(0.1), b.TprAt(0.1));
        Assert.NotEqual(a.Auc, c.Auc);
        Assert.Equal(100, a.Auc.Replicates);
        Assert.Null(a.TprAt(0.2));
    }

    [Fact]
    public void Spread_brackets_the_nominal_value()
    {
        (ScoredSample bg, ScoredSample sig) = Samples(2000, 2);
        double auc = RocCurve.Compute(bg, sig).Auc;
        BootstrapSummary s = RocBootstrap.Run(bg, sig, Options).Auc;
        Assert.InRange(auc, s.P16 - s.Std, s.P84 + s.Std);
        Assert.InRange(s.Mean, auc - (3 * s.Std), auc + (3 * s.Std));
        Assert.True(s.P16 < s.P84);
    }

    [Fact]
    public void Spread_shrinks_with_more_events()
    {
        (ScoredSample smallBg, ScoredSample smallSig) = Samples(400, 3);
        (ScoredSample largeBg, ScoredSample largeSig) = Samples(10_000, 4);
        RocBootstrap small = RocBootstrap.Run(smallBg, smallSig, Options);
        RocBootstrap large = RocBootstrap.Run(largeBg, largeSig, Options);

        // 25 times the events: about 5 times smaller; require at least 2.5.
        Assert.True(large.Auc.Std < small.Auc.Std / 2.5, $"{large.Auc.Std} vs {small.Auc.Std}");
        Assert.True(large.TprAt(0.1)!.Std < small.TprAt(0.1)!.Std / 2.5, $"{large.TprAt(0.1)!.Std} vs {small.TprAt(0.1)!.Std}");
    }

    [Fact]
    public void Working_points_carry_the_spread_only_where_resolvable()
    {
        (ScoredSample bg, ScoredSample sig) = Samples(50, 5);
        RocBootstrap bootstrap = RocBootstrap.Run(bg, sig, Options);
        IReadOnlyList<WorkingPoint> points = WorkingPoints.Compute(RocCurve.Compute(bg, sig), Options, bootstrap);
        Assert.NotNull(points[0].TprBootstrap);
        Assert.Equal(WorkingPointStatus.NotEnoughBackground, points[1].Status);
        Assert.Null(points[1].TprBootstrap);
    }

    [Fact]
    public void Summary_of_values_is_as_numpy()
    {
        BootstrapSummary s = BootstrapSummary.FromValues([1.0, 2, 3, 4, double.NaN]);
        Assert.Equal(4, s.Replicates);
        Assert.Equal(2.5, s.Mean);
        Assert.Equal(Math.Sqrt(5 / 3.0), s.Std, 15); // ddof = 1
        Assert.Equal(1.48, s.P16, 12); // numpy.percentile([1, 2, 3, 4], 16)
        Assert.Equal(3.52, s.P84, 12);
    }
}
