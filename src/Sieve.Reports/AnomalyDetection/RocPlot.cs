using System.Globalization;
using ScottPlot;
using Sieve.Reports.AnomalyDetection.Internal;

namespace Sieve.Reports.AnomalyDetection;

/// <summary>
/// ROC curves on a log background-efficiency axis: signal efficiency (TPR) against background
/// efficiency (FPR), the AUC per curve in the legend, the random classifier (TPR = FPR) dashed,
/// and guide lines at FPR 1e-2 ... 1e-5 labelled with the trigger rate they keep at 40 MHz.
/// </summary>
public static class RocPlot
{
    /// <summary>Draws <paramref name="curves"/> and returns the image bytes.</summary>
    /// <exception cref="ArgumentException">No curves, or a curve whose arrays do not pair up or leave [0, 1].</exception>
    public static byte[] Render(IReadOnlyList<RocSeries> curves, RocPlotOptions? options = null, PlotFormat format = PlotFormat.Png)
    {
        options ??= new RocPlotOptions();
        using Plot plot = Build(curves, options);
        return PlotOutput.Render(plot, options.Width, options.Height, format);
    }

    /// <summary>Draws <paramref name="curves"/> into <paramref name="path"/> (.png or .svg; temporary file, then rename).</summary>
    public static void Save(string path, IReadOnlyList<RocSeries> curves, RocPlotOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        PlotOutput.Save(path, Render(curves, options, PlotOutput.FormatOf(path)));
    }

    /// <summary>Left end of the FPR axis: 1/N_bg, or <see cref="RocPlotOptions.MinFpr"/> without a count, rounded down to a whole decade.</summary>
    public static double LowestFpr(RocPlotOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return Math.Pow(10, LowFprLog(options));
    }

    private static double LowFprLog(RocPlotOptions options)
    {
        double min = options.BackgroundCount is > 0 ? 1.0 / options.BackgroundCount.Value : options.MinFpr;
        if (!(min is > 0 and < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(options), $"The smallest FPR on the axis must lie in (0, 1); got {min}.");
        }

        return Math.Floor(Math.Log10(min) + 1e-9);
    }

    private static Plot Build(IReadOnlyList<RocSeries> curves, RocPlotOptions options)
    {
        ArgumentNullException.ThrowIfNull(curves);
        if (curves.Count == 0)
        {
            throw new ArgumentException("A ROC plot needs at least one curve (one per signal); the list is empty.", nameof(curves));
        }

        foreach (RocSeries curve in curves)
        {
            ArgumentNullException.ThrowIfNull(curve, nameof(curves));
            curve.Validate(nameof(curves));
        }

        double lowLog = LowFprLog(options);
        var plot = new Plot();
        AddRandomClassifier(plot, lowLog);
        AddTriggerGuides(plot, lowLog);

        IPalette palette = new ScottPlot.Palettes.Category10();
        for (int c = 0; c < curves.Count; c++)
        {
            AddCurve(plot, curves[c], lowLog, palette.GetColor(c));
        }

        plot.Title(options.Title);
        plot.XLabel("background efficiency (FPR)");
        plot.YLabel("signal efficiency (TPR)");
        // Negative event weights can carry a TPR outside [0, 1] part of the way: widen the axis rather than hide it.
        double lowTpr = Math.Min(0, curves.Min(c => c.Tpr.Min()));
        double highTpr = Math.Max(1, curves.Max(c => c.Tpr.Max()));
        plot.Axes.SetLimits(lowLog, 0, lowTpr, highTpr + 0.02);
        LogAxis.Apply(plot.Axes.Bottom, lowLog, 0);
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericFixedInterval(0.1);
        // A very good curve fills the upper left and the random line the lower right: no corner is
        // always empty, so the legend goes below the axes where it can never cover a curve.
        plot.ShowLegend(Edge.Bottom);
        // Room above the axes for the trigger-rate labels, so they do not run into the title.
        plot.Axes.Top.MinimumSize = 28;
        return plot;
    }

    private static void AddCurve(Plot plot, RocSeries curve, double lowLog, Color color)
    {
        // FPR = 0 has no place on a log axis, and points left of the axis would only be clipped.
        var xs = new List<double>(curve.Fpr.Length);
        var ys = new List<double>(curve.Fpr.Length);
        for (int i = 0; i < curve.Fpr.Length; i++)
        {
            if (curve.Fpr[i] > 0)
            {
                xs.Add(Math.Max(Math.Log10(curve.Fpr[i]), lowLog));
                ys.Add(curve.Tpr[i]);
            }
        }

        string auc = curve.AucError is double error
            ? string.Create(CultureInfo.InvariantCulture, $"AUC = {curve.Auc:0.000} ± {error:0.000}")
            : string.Create(CultureInfo.InvariantCulture, $"AUC = {curve.Auc:0.000}");
        string label = $"{curve.Label} ({auc})";
        if (xs.Count == 0)
        {
            // Still list the curve, so a reader sees it was there but had no point at FPR > 0.
            label += ", no point with FPR > 0";
            xs.Add(double.NaN);
            ys.Add(double.NaN);
        }

        var scatter = plot.Add.ScatterLine(xs.ToArray(), ys.ToArray(), color);
        scatter.LineWidth = 2;
        // A curve of one or two points would be invisible as a line alone.
        scatter.MarkerSize = xs.Count <= 2 ? 7 : 0;
        scatter.LegendText = label;
    }

    private static void AddRandomClassifier(Plot plot, double lowLog)
    {
        const int Points = 200;
        var xs = new double[Points];
        var ys = new double[Points];
        for (int i = 0; i < Points; i++)
        {
            xs[i] = lowLog + (-lowLog * i / (Points - 1));
            ys[i] = Math.Pow(10, xs[i]);
        }

        var random = plot.Add.ScatterLine(xs, ys, Colors.Gray);
        random.LinePattern = LinePattern.Dashed;
        random.LineWidth = 1.5f;
        random.LegendText = "random (TPR = FPR)";
    }

    private static void AddTriggerGuides(Plot plot, double lowLog)
    {
        foreach (double fpr in TriggerRate.StandardFprs)
        {
            double x = Math.Log10(fpr);
            if (x < lowLog)
            {
                continue;
            }

            var line = plot.Add.VerticalLine(x, 1, Colors.DimGray.WithAlpha(0.6), LinePattern.Dotted);
            line.Text = TriggerRate.Format(fpr);
            line.LabelOppositeAxis = true;
            line.LabelFontSize = 12;
            line.LabelBackgroundColor = Colors.Transparent;
            line.LabelFontColor = Colors.DimGray;
            line.ExcludeFromLegend = true;
        }
    }
}
