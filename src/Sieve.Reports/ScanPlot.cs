using System.Globalization;
using ScottPlot;
using Sieve.Core.Metrics.Scans;
using Sieve.Reports.AnomalyDetection;
using Sieve.Reports.AnomalyDetection.Internal;

namespace Sieve.Reports;

/// <summary>
/// Validation loss against the scanned parameter: every seed's training as a point, each value's
/// mean as a line with error bars of one standard deviation over the seeds, and the value the scan
/// picked (<see cref="ParameterScan.Rule"/>) ringed.
/// </summary>
public static class ScanPlot
{
    /// <summary>Image size in pixels.</summary>
    public const int Width = 800, Height = 500;

    /// <summary>The plot, for drawing or for looking at what it holds.</summary>
    public static Plot Build(ParameterScan scan)
    {
        ArgumentNullException.ThrowIfNull(scan);
        var plot = new Plot();
        ScanPoint[] finite = [.. scan.Points.Where(p => double.IsFinite(p.ValidationLoss))];
        var seeds = plot.Add.ScatterPoints(finite.Select(p => (double)p.Value).ToArray(), finite.Select(p => p.ValidationLoss).ToArray(), Colors.SteelBlue);
        seeds.MarkerSize = 6;
        seeds.LegendText = string.Create(CultureInfo.InvariantCulture, $"one training per seed ({finite.Length})");

        double[] xs = [.. scan.Values.Select(v => (double)v.Value)];
        double[] means = [.. scan.Values.Select(v => v.Mean)];
        var mean = plot.Add.Scatter(xs, means, Colors.OrangeRed);
        mean.LineWidth = 2;
        mean.MarkerSize = 8;
        mean.LegendText = "mean over seeds";
        var spread = plot.Add.ErrorBar(xs, means, [.. scan.Values.Select(v => v.StandardDeviation)]);
        spread.Color = Colors.OrangeRed;
        spread.LegendText = "± 1 standard deviation";

        var best = plot.Add.ScatterPoints(new[] { (double)scan.Best.Value }, new[] { scan.Best.Mean }, Colors.Black);
        best.MarkerSize = 16;
        best.MarkerShape = MarkerShape.OpenCircle;
        best.LegendText = string.Create(CultureInfo.InvariantCulture, $"picked: {scan.Parameter} = {scan.Best.Value} (one-standard-error rule)");

        // Every point and every error bar inside the frame.
        double low = Math.Min(finite.Min(p => p.ValidationLoss), scan.Values.Min(v => v.Mean - v.StandardDeviation));
        double high = Math.Max(finite.Max(p => p.ValidationLoss), scan.Values.Max(v => v.Mean + v.StandardDeviation));
        double pad = Math.Max(high - low, Math.Abs(high) * 0.05) * 0.15;
        plot.Axes.SetLimits(xs[0] - 0.5, xs[^1] + 0.5, low - pad, high + pad);
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericFixedInterval(1);
        plot.Title($"validation loss against {scan.Parameter}");
        plot.XLabel(scan.Parameter);
        plot.YLabel("best validation loss (normalised units)");
        plot.ShowLegend(Alignment.UpperRight);
        return plot;
    }

    /// <summary>Draws into <paramref name="path"/> (.png or .svg; temporary file, then rename).</summary>
    public static void Save(string path, ParameterScan scan)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using Plot plot = Build(scan);
        PlotOutput.Save(path, PlotOutput.Render(plot, Width, Height, PlotOutput.FormatOf(path)));
    }
}
