using Sieve.Core.Metrics.AnomalyDetection;

namespace Sieve.Core.Tests.Metrics.AnomalyDetection;

public class RocCurveTests
{
    [Fact]
    public void Ties_make_a_diagonal_step_and_auc_is_mann_whitney()
    {
        // Descending: 4(s), 3(b), 2(b and s tied), 1(b).
        RocCurve roc = RocCurve.Compute([1.0, 2, 3], [], [2.0, 4], []);

        Assert.Equal([double.PositiveInfinity, 4, 3, 2, 1], roc.Thresholds.ToArray());
        Assert.Equal([0, 0, 1 / 3.0, 2 / 3.0, 1], roc.Fpr.ToArray());
        Assert.Equal([0, 0.5, 0.5, 1, 1], roc.Tpr.ToArray());

        // P(s > b) + 0.5 P(s = b): s = 2 beats 1, ties 2 (1.5); s = 4 beats all three: 4.5 / 6.
        Assert.Equal(0.75, roc.Auc, 15);
        Assert.Equal(3, roc.BackgroundCount);
        Assert.Equal(2, roc.SignalCount);
    }

    [Fact]
    public void Weights_are_honoured()
    {
        // Background 1 (w 3), 2 (w 1); signal 2 (w 1), 3 (w 1).
        RocCurve roc = RocCurve.Compute([1.0, 2], [3.0, 1], [2.0, 3], [1.0, 1]);

        Assert.Equal([0, 0, 0.25, 1], roc.Fpr.ToArray());
        Assert.Equal([0, 0.5, 1, 1], roc.Tpr.ToArray());

        // Weighted pairs: s3 beats both (4); s2 beats b1 (3) and ties b2 (0.5): 7.5 / (2 x 4).
        Assert.Equal(0.9375, roc.Auc, 15);
        Assert.Equal(4.0, roc.BackgroundWeight);
        Assert.Equal(new RocPoint(2, 0.25, 1), roc[2]);
    }

    [Fact]
    public void Integer_weights_equal_repeated_events()
    {
        RocCurve weighted = RocCurve.Compute([0.1, 0.5, 0.9], [2.0, 1, 3], [0.5, 0.7], [3.0, 1]);
        RocCurve repeated = RocCurve.Compute([0.1, 0.1, 0.5, 0.9, 0.9, 0.9], [], [0.5, 0.5, 0.5, 0.7], []);
        Assert.Equal(repeated.Auc, weighted.Auc, 15);
        Assert.Equal(repeated.Fpr.ToArray(), weighted.Fpr.ToArray());
        Assert.Equal(repeated.Tpr.ToArray(), weighted.Tpr.ToArray());
    }

    [Fact]
    public void Zero_weight_events_take_no_part()
    {
        RocCurve with = RocCurve.Compute([1.0, 2, 5], [1.0, 1, 0], [1.5, 3], []);
        RocCurve without = RocCurve.Compute([1.0, 2], [], [1.5, 3], []);
        Assert.Equal(without.Auc, with.Auc);
        Assert.Equal(without.Thresholds.ToArray(), with.Thresholds.ToArray());
        Assert.Equal(2, with.BackgroundCount);
    }

    [Fact]
    public void Separated_samples_give_one_and_reversed_give_zero()
    {
        Assert.Equal(1.0, RocCurve.Compute([1.0, 2, 3], [], [4.0, 5], []).Auc);
        Assert.Equal(0.0, RocCurve.Compute([4.0, 5], [], [1.0, 2, 3], []).Auc);
        Assert.Equal(0.5, RocCurve.Compute([1.0, 1], [], [1.0], []).Auc); // all tied: one diagonal
    }

    [Fact]
    public void Identical_distributions_give_about_one_half()
    {
        var random = new Random(7);
        double[] bg = Enumerable.Range(0, 20_000).Select(_ => Gaussian(random)).ToArray();
        double[] sig = Enumerable.Range(0, 20_000).Select(_ => Gaussian(random)).ToArray();
        double auc = RocCurve.Compute(bg, [], sig, []).Auc;
        Assert.InRange(auc, 0.49, 0.51); // sigma of the AUC here is about 0.003
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Auc_is_unchanged_by_strictly_increasing_transforms(int seed)
    {
        var random = new Random(seed);

        // Scores on a 0.001 grid in [0.1, 10]: ties occur and no transform below merges distinct values.
        double[] bgScores = Enumerable.Range(0, 400).Select(_ => Math.Round(0.1 + (9.9 * random.NextDouble() * random.NextDouble()), 3)).ToArray();
        double[] sigScores = Enumerable.Range(0, 300).Select(_ => Math.Round(0.1 + (9.9 * random.NextDouble()), 3)).ToArray();
        double[] bgWeights = bgScores.Select(_ => 0.5 + random.NextDouble()).ToArray();
        double[] sigWeights = sigScores.Select(_ => 0.5 + random.NextDouble()).ToArray();
        double reference = RocCurve.Compute(bgScores, bgWeights, sigScores, sigWeights).Auc;

        Func<double, double>[] transforms = [Math.Log, Math.Exp, x => x * x * x, x => (2.5 * x) - 7];
        foreach (Func<double, double> f in transforms)
        {
            RocCurve roc = RocCurve.Compute(bgScores.Select(f).ToArray(), bgWeights, sigScores.Select(f).ToArray(), sigWeights);
            Assert.Equal(reference, roc.Auc, 12);
        }
    }

    [Fact]
    public void Nan_score_is_rejected_with_sample_and_index()
    {
        ArgumentException e = Assert.Throws<ArgumentException>(() => RocCurve.Compute([1.0, 2, double.NaN], [], [1.0], []));
        Assert.Contains("'background'", e.Message, StringComparison.Ordinal);
        Assert.Contains("event 2 is NaN", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Bad_weights_are_rejected(double weight)
    {
        ArgumentException e = Assert.Throws<ArgumentException>(() => RocCurve.Compute([1.0], [], [1.0, 2], [1.0, weight]));
        Assert.Contains("'signal'", e.Message, StringComparison.Ordinal);
        Assert.Contains("event 1", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Empty_or_weightless_samples_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => RocCurve.Compute([], [], [1.0], []));
        Assert.Throws<ArgumentException>(() => RocCurve.Compute([1.0], [0.0], [1.0], []));
        Assert.Throws<ArgumentException>(() => RocCurve.Compute([1.0, 2], [1.0], [1.0], [])); // one weight for two scores
    }

    [Fact]
    public void Infinite_scores_sort_at_the_ends()
    {
        RocCurve roc = RocCurve.Compute([double.NegativeInfinity, 0], [], [double.PositiveInfinity, 1], []);
        Assert.Equal(1.0, roc.Auc);
        Assert.Equal(double.PositiveInfinity, roc.Thresholds[1]);
    }

    internal static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
