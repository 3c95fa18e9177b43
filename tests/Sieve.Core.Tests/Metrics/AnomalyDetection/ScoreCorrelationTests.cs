using Sieve.Core.Metrics.AnomalyDetection;

namespace Sieve.Core.Tests.Metrics.AnomalyDetection;

public class ScoreCorrelationTests
{
    [Fact]
    public void Pearson_and_spearman_by_hand()
    {
        // dx = (-1.5, -0.5, 0.5, 1.5), dy = (-3, -1, 0, 4): sxy = 11, sxx = 5, syy = 26.
        Assert.Equal(11 / Math.Sqrt(130), ScoreCorrelation.Pearson([1.0, 2, 3, 4], [2.0, 4, 5, 9]), 14);
        Assert.Equal(1.0, ScoreCorrelation.Spearman([1.0, 2, 3, 4], [2.0, 4, 5, 9]), 14);

        // Tied scores share rank 2.5: ranks (1, 2.5, 2.5, 4) vs (1, 2, 3, 4): 4.5 / sqrt(4.5 x 5).
        Assert.Equal(4.5 / Math.Sqrt(22.5), ScoreCorrelation.Spearman([1.0, 2, 2, 3], [1.0, 2, 3, 4]), 14);
        Assert.Equal(-1.0, ScoreCorrelation.Pearson([1.0, 2, 3], [3.0, 2, 1]), 14);
        Assert.True(double.IsNaN(ScoreCorrelation.Pearson([1.0, 1, 1], [1.0, 2, 3])));
        Assert.True(double.IsNaN(ScoreCorrelation.Pearson([1.0], [1.0])));
    }

    [Fact]
    public void Overall_and_per_process()
    {
        ScoredSample sample = ScoredSample.FromEvents("background", [
            new ScoredEvent(1.0, ProcessId: "ttbar", Multiplicity: 2),
            new ScoredEvent(2.0, ProcessId: "wjets", Multiplicity: 3),
            new ScoredEvent(3.0, ProcessId: "ttbar", Multiplicity: 4),
            new ScoredEvent(2.5, ProcessId: "wjets", Multiplicity: 1),
            new ScoredEvent(5.0, ProcessId: "ttbar", Multiplicity: 6),
        ]);
        ScoreCorrelation c = ScoreCorrelation.Compute(sample);

        Assert.Equal("background", c.Sample);
        Assert.Null(c.Overall.ProcessId);
        Assert.Equal(5, c.Overall.Count);
        Assert.Equal(ScoreCorrelation.Pearson([1.0, 2, 3, 2.5, 5], [2.0, 3, 4, 1, 6]), c.Overall.Pearson);
        Assert.Equal(["ttbar", "wjets"], c.PerProcess.Select(p => p.ProcessId));
        Assert.Equal(1.0, c.PerProcess[0].Pearson, 14); // (1, 2), (3, 4), (5, 6): on a line
        Assert.Equal(1.0, c.PerProcess[0].Spearman, 14);
        Assert.Equal(-1.0, c.PerProcess[1].Pearson, 14); // two points going down
        Assert.Equal(3, c.PerProcess[0].Count);
    }

    [Fact]
    public void Without_multiplicities_is_an_error_that_says_so()
    {
        ArgumentException e = Assert.Throws<ArgumentException>(() => ScoreCorrelation.Compute(ScoredSample.Create("sig", [1.0, 2])));
        Assert.Contains("'sig' has no multiplicities", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Mixed_presence_of_columns_is_rejected()
    {
        Assert.Throws<ArgumentException>(() => ScoredSample.FromEvents("x", [new ScoredEvent(1.0, Multiplicity: 2), new ScoredEvent(2.0)]));
        Assert.Throws<ArgumentException>(() => ScoredSample.FromEvents("x", [new ScoredEvent(1.0, ProcessId: "a"), new ScoredEvent(2.0)]));
    }
}
