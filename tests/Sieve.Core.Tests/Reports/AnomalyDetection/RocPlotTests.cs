using Sieve.Reports.AnomalyDetection;

namespace Sieve.Core.Tests.Reports.AnomalyDetection;

public class RocPlotTests
{
    internal static RocSeries[] SeededCurves(int background, out int backgroundCount)
    {
        double[] bg = AnomalyTestData.LogNormalScores(background, 1.0, 0.6, 11);
        backgroundCount = bg.Length;
        var curves = new List<RocSeries>();
        (string name, double median, int seed)[] signals = [("A -> 4l", 3.0, 12), ("leptoquark", 1.8, 13), ("Z' -> jj", 1.15, 14)];
        foreach ((string name, double median, int seed) in signals)
        {
            double[] sig = AnomalyTestData.LogNormalScores(5_000, median, 0.6, seed);
            (double[] fpr, double[] tpr, double auc) = AnomalyTestData.Roc(bg, sig);
            curves.Add(new RocSeries(name, fpr, tpr, auc, 0.004));
        }

        return [.. curves];
    }

    [Fact]
    public void Save_writes_a_drawn_png_with_several_curves()
    {
        RocSeries[] curves = SeededCurves(200_000, out int n);
        using var output = new ReportTestOutput("anomaly-roc");
        string path = Path.Combine(output.Directory, "roc.png");
        var options = new RocPlotOptions { Title = "ROC, dense AE (synthetic data)", BackgroundCount = n };

        RocPlot.Save(path, curves, options);

        PngAssert.IsDrawnPng(path, options.Width, options.Height);
        Assert.Single(Directory.GetFiles(output.Directory));
    }

    [Fact]
    public void Save_writes_svg_when_asked()
    {
        RocSeries[] curves = SeededCurves(2_000, out _);
        using var output = new ReportTestOutput("anomaly-roc-svg");
        string path = Path.Combine(output.Directory, "roc.svg");
        RocPlot.Save(path, curves);
        string svg = File.ReadAllText(path);
        Assert.Contains("<svg", svg, StringComparison.Ordinal);
        Assert.Contains("40 kHz", svg, StringComparison.Ordinal);
    }

    [Fact]
    public void A_curve_with_a_single_point_is_drawn()
    {
        using var output = new ReportTestOutput("anomaly-roc-single");
        string path = Path.Combine(output.Directory, "roc_single.png");
        RocPlot.Save(path, [new RocSeries("one threshold", [1e-3], [0.2], 0.6)]);
        PngAssert.IsDrawnPng(path, 900, 650);
    }

    [Fact]
    public void An_empty_curve_list_is_a_clear_argument_error()
    {
        var e = Assert.Throws<ArgumentException>(() => RocPlot.Render([]));
        Assert.Equal("curves", e.ParamName);
        Assert.Contains("at least one curve", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { 0.1, 0.2 }, new[] { 0.5 }, "pair up")]
    [InlineData(new[] { 0.1, double.NaN }, new[] { 0.5, 0.6 }, "finite")]
    [InlineData(new double[0], new double[0], "no points")]
    public void Bad_curves_are_rejected_with_the_curve_named(double[] fpr, double[] tpr, string expected)
    {
        var e = Assert.Throws<ArgumentException>(() => RocPlot.Render([new RocSeries("sig", fpr, tpr, 0.5)]));
        Assert.Contains("'sig'", e.Message, StringComparison.Ordinal);
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_curve_of_signed_weights_that_leaves_zero_to_one_is_drawn()
    {
        // The hand-computed NLO curve of SignedWeightTests: TPR reaches 4/3 on the way.
        byte[] png = RocPlot.Render([new RocSeries("nlo", [0, 0, 0.5, 0.5, 0.25, 0.25, 0.75, 1], [0, 2.0 / 3, 2.0 / 3, 4.0 / 3, 4.0 / 3, 1, 1, 1], 0.75)]);
        Assert.True(png.Length > 1000);
    }

    [Fact]
    public void Axis_starts_at_one_over_the_background_count_rounded_down_to_a_decade()
    {
        Assert.Equal(1e-6, RocPlot.LowestFpr(new RocPlotOptions()), 15);
        Assert.Equal(1e-5, RocPlot.LowestFpr(new RocPlotOptions { BackgroundCount = 20_000 }), 15);
        Assert.Equal(1e-4, RocPlot.LowestFpr(new RocPlotOptions { BackgroundCount = 10_000 }), 15);
    }

    [Theory]
    [InlineData(1e-2, "400 kHz")]
    [InlineData(1e-3, "40 kHz")]
    [InlineData(1e-4, "4 kHz")]
    [InlineData(1e-5, "400 Hz")]
    [InlineData(1e-6, "40 Hz")]
    [InlineData(0.05, "2 MHz")]
    public void Trigger_rates_at_40_MHz(double fpr, string expected) => Assert.Equal(expected, TriggerRate.Format(fpr));
}
