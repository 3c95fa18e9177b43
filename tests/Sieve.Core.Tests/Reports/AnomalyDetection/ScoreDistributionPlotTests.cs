using Sieve.Reports.AnomalyDetection;

namespace Sieve.Core.Tests.Reports.AnomalyDetection;

public class ScoreDistributionPlotTests
{
    internal static ScoreSample[] SeededSamples()
    {
        double[] background = AnomalyTestData.LogNormalScores(100_000, 1.0, 0.6, 21);
        background[0] = double.NaN; // a diverged event: counted in the legend, not binned
        return
        [
            new ScoreSample("SM background", background, IsBackground: true),
            new ScoreSample("A -> 4l", AnomalyTestData.LogNormalScores(3_000, 3.0, 0.6, 22)),
            new ScoreSample("leptoquark", AnomalyTestData.LogNormalScores(8_000, 1.8, 0.7, 23)),
        ];
    }

    [Fact]
    public void Save_writes_a_drawn_png_on_a_linear_score_axis()
    {
        using var output = new ReportTestOutput("anomaly-scores");
        string path = Path.Combine(output.Directory, "scores.png");
        var options = new ScoreDistributionOptions { Title = "Score per process (synthetic data)", ScoreLabel = "masked MSE" };
        ScoreDistributionPlot.Save(path, SeededSamples(), options);
        PngAssert.IsDrawnPng(path, options.Width, options.Height);
        Assert.Single(Directory.GetFiles(output.Directory));
    }

    [Fact]
    public void Save_writes_a_drawn_png_on_a_log_score_axis_with_raw_counts()
    {
        using var output = new ReportTestOutput("anomaly-scores-log");
        string path = Path.Combine(output.Directory, "scores_log.png");
        var options = new ScoreDistributionOptions { LogScoreAxis = true, Normalise = false, ScoreLabel = "masked MSE" };
        ScoreDistributionPlot.Save(path, SeededSamples(), options);
        PngAssert.IsDrawnPng(path, options.Width, options.Height);
    }

    [Fact]
    public void Equal_scores_and_an_empty_signal_are_drawn()
    {
        using var output = new ReportTestOutput("anomaly-scores-equal");
        string path = Path.Combine(output.Directory, "scores_equal.png");
        ScoreDistributionPlot.Save(path,
        [
            new ScoreSample("background", Enumerable.Repeat(0.25, 1_000).ToArray(), IsBackground: true),
            new ScoreSample("signal", Enumerable.Repeat(0.25, 10).ToArray()),
            new ScoreSample("no events", []),
        ]);
        PngAssert.IsDrawnPng(path, 900, 650);
    }

    [Fact]
    public void An_empty_sample_list_is_a_clear_argument_error()
    {
        var e = Assert.Throws<ArgumentException>(() => ScoreDistributionPlot.Render([]));
        Assert.Equal("samples", e.ParamName);
        Assert.Contains("at least one process", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Samples_without_a_drawable_score_are_rejected()
    {
        var e = Assert.Throws<ArgumentException>(() => ScoreDistributionPlot.Render(
            [new ScoreSample("bg", [0.0, -1.0, double.NaN])], new ScoreDistributionOptions { LogScoreAxis = true }));
        Assert.Contains("<= 0 on a log axis", e.Message, StringComparison.Ordinal);
    }
}
