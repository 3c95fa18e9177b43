using ScottPlot;
using ScottPlot.Plottables;
using Sieve.Core.Metrics.Scans;
using Sieve.Reports;

namespace Sieve.Core.Tests.Reports;

public class ScanPlotTests
{
    private static ParameterScan Scan() => new("latent",
        [.. new[] { 2, 3, 4 }.SelectMany(z => new[] { 42, 43, 44 }.Select(s => new ScanPoint(z, s, (0.5 / z) + (0.01 * (s - 43)), $"z{z}s{s}")))]);

    [Fact]
    public void Every_training_the_means_with_their_spread_and_the_pick_are_drawn_inside_the_frame()
    {
        ParameterScan scan = Scan();
        using Plot plot = ScanPlot.Build(scan);
        var points = plot.GetPlottables().OfType<Scatter>().ToList();
        Assert.Equal(3, points.Count); // seeds, means, the pick
        Assert.Equal(9, points[0].Data.GetScatterPoints().Count);
        Assert.Equal(scan.Values.Select(v => v.Mean), points[1].Data.GetScatterPoints().Select(p => p.Y));
        Coordinates pick = Assert.Single(points[2].Data.GetScatterPoints());
        Assert.Equal((scan.Best.Value, scan.Best.Mean), (pick.X, pick.Y));
        ErrorBar bars = Assert.Single(plot.GetPlottables().OfType<ErrorBar>());
        Assert.Equal(scan.Values.Select(v => v.StandardDeviation), bars.YErrorPositive!);

        AxisLimits limits = plot.Axes.GetLimits();
        Assert.True(limits.Left < 2 && limits.Right > 4, $"x from {limits.Left} to {limits.Right}");
        double top = scan.Values.Max(v => v.Mean + v.StandardDeviation), bottom = scan.Values.Min(v => v.Mean - v.StandardDeviation);
        Assert.True(limits.Bottom < bottom && limits.Top > top, $"y from {limits.Bottom} to {limits.Top}, bars from {bottom} to {top}");
    }

    [Fact]
    public void Save_writes_a_drawn_png()
    {
        using var output = new ReportTestOutput("scan");
        string path = Path.Combine(output.Directory, "scan.png");
        ScanPlot.Save(path, Scan());
        PngAssert.IsDrawnPng(path, ScanPlot.Width, ScanPlot.Height);
    }
}
