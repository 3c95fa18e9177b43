using System.Globalization;
using ScottPlot;
using Sieve.Core.Metrics;
using Sieve.Reports.AnomalyDetection.Internal;

namespace Sieve.Reports;

/// <summary>
/// Per-object-kind fidelity of event compression: a summary (x = object kind, y = mean residual
/// with the RMS as error bar, and the robust width IQR/1.349 beside it) and the residual
/// distributions of all kinds overlaid on common bins with a log y axis, rarest kinds drawn first
/// so the common ones do not hide them.
/// </summary>
public static class KindFidelityPlot
{
    private const int Width = 900;
    private const int Height = 600;

    /// <summary>Summary of one variable over the kinds, as PNG bytes.</summary>
    public static byte[] RenderSummary(string variable, IReadOnlyList<KindFidelity> kinds, string? subtitle = null)
    {
        ArgumentNullException.ThrowIfNull(kinds);
        using var plot = new Plot();
        var ticks = new ScottPlot.TickGenerators.NumericManual();
        var xs = new List<double>();
        var means = new List<double>();
        var rms = new List<double>();
        var widths = new List<double>();
        bool relative = false;
        for (int k = 0; k < kinds.Count; k++)
        {
            VariableFidelity? v = kinds[k].Variables.FirstOrDefault(x => x.Name == variable);
            SummaryStatistics? s = v?.RelativeResidual ?? v?.Residual;
            relative |= v?.RelativeResidual is not null;
            ticks.AddMajor(k, $"{kinds[k].Kind}\n({kinds[k].Objects})");
            if (s is null || s.Count == 0)
            {
                continue;
            }

            xs.Add(k);
            means.Add(s.Mean);
            rms.Add(s.Rms);
            widths.Add(s.IqrWidth);
        }

        var errors = plot.Add.ErrorBar(xs, means, rms);
        errors.Color = Colors.SteelBlue;
        errors.LineWidth = 2;
        var meanMarkers = plot.Add.ScatterPoints(xs.ToArray(), means.ToArray(), Colors.SteelBlue);
        meanMarkers.MarkerSize = 9;
        meanMarkers.LegendText = "mean, error bar = RMS";
        var widthMarkers = plot.Add.ScatterPoints(xs.Select(x => x + 0.15).ToArray(), widths.ToArray(), Colors.OrangeRed);
        widthMarkers.MarkerShape = MarkerShape.OpenDiamond;
        widthMarkers.MarkerSize = 9;
        widthMarkers.LegendText = "IQR / 1.349";
        plot.Add.HorizontalLine(0, 1, Colors.Gray, LinePattern.Dashed);
        plot.Axes.Bottom.TickGenerator = ticks;
        plot.Axes.SetLimitsX(-0.6, kinds.Count - 0.4);
        plot.Title($"{variable}: {(relative ? "relative residual" : "residual")} per object kind" + (subtitle is null ? string.Empty : $" {subtitle}"));
        plot.XLabel("object kind (matched objects)");
        plot.YLabel(relative ? "(reco - true) / true" : "reco - true");
        plot.ShowLegend(Alignment.UpperRight);
        return plot.GetImageBytes(Width, Height, ImageFormat.Png);
    }

    /// <summary>Residual distributions of one variable, one step line per kind, log y, as PNG bytes.</summary>
    public static byte[] RenderHistograms(string variable, IReadOnlyList<KindResiduals> kinds, string? subtitle = null)
    {
        ArgumentNullException.ThrowIfNull(kinds);
        double[] pooled = [.. kinds.SelectMany(k => k.Residuals[variable]).Where(double.IsFinite)];
        using var plot = new Plot();
        if (pooled.Length > 0)
        {
            HistogramBinning binning = HistogramBinning.From(pooled);
            int bins = binning.Counts.Length;
            double width = binning.BinWidth;
            Color[] palette = new ScottPlot.Palettes.Category10().Colors;
            double highest = 1;
            int colour = 0;
            foreach (KindResiduals kind in kinds.OrderBy(k => k.Residuals[variable].Length))
            {
                var counts = new double[bins];
                foreach (double r in kind.Residuals[variable])
                {
                    int b = (int)Math.Floor((r - binning.Low) / width);
                    if (b >= 0 && b < bins)
                    {
                        counts[b] += kind.SampleWeight;
                    }
                }

                highest = Math.Max(highest, counts.Max());
                var xs = new double[bins + 1];
                var ys = new double[bins + 1];
                for (int b = 0; b <= bins; b++)
                {
                    xs[b] = binning.Low + (b * width);
                    double c = counts[Math.Min(b, bins - 1)];
                    ys[b] = c > 0 ? Math.Log10(c) : -0.5; // empty bins drawn just below one entry
                }

                var line = plot.Add.ScatterLine(xs, ys, palette[colour++ % palette.Length]);
                line.ConnectStyle = ConnectStyle.StepHorizontal;
                line.LineWidth = 2;
                line.LegendText = string.Create(CultureInfo.InvariantCulture, $"{kind.Kind} ({kind.Residuals[variable].Length})");
            }

            plot.Axes.SetLimitsY(-0.5, Math.Log10(highest) + 0.3);
            LogAxis.Apply(plot.Axes.Left, 0, Math.Log10(highest) + 0.3);
        }

        bool relative = variable is "E" or "pt";
        plot.Title($"{variable}: {(relative ? "relative residual" : "residual")} per object kind (range clipped to 0.5-99.5 %)" + (subtitle is null ? string.Empty : $" {subtitle}"));
        plot.XLabel(relative ? "(reco - true) / true" : "reco - true");
        plot.YLabel("objects per bin (log)");
        plot.ShowLegend(Alignment.UpperRight);
        return plot.GetImageBytes(Width, Height, ImageFormat.Png);
    }
}
