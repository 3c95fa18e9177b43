using System.Globalization;
using ScottPlot;
using Sieve.Reports.AnomalyDetection.Internal;

namespace Sieve.Reports.AnomalyDetection;

/// <summary>
/// Training and validation loss per epoch on a log loss axis, with the best epoch (lowest validation
/// loss, or lowest training loss without validation) marked: the epoch whose weights a trainer with
/// early stopping keeps.
/// </summary>
public static class LossCurvePlot
{
    /// <summary>
    /// Draws the curves and returns the image bytes. Entry i of each array is epoch i + 1. Losses that a
    /// log axis cannot show (zero, negative, NaN, infinite) are left out and counted in the legend.
    /// </summary>
    /// <exception cref="ArgumentException">No training loss, or no loss that a log axis can show.</exception>
    public static byte[] Render(double[] training, double[]? validation = null, LossCurveOptions? options = null, PlotFormat format = PlotFormat.Png)
    {
        options ??= new LossCurveOptions();
        using Plot plot = Build(training, validation ?? [], options);
        return PlotOutput.Render(plot, options.Width, options.Height, format);
    }

    /// <summary>Draws into <paramref name="path"/> (.png or .svg; temporary file, then rename).</summary>
    public static void Save(string path, double[] training, double[]? validation = null, LossCurveOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        PlotOutput.Save(path, Render(training, validation, options, PlotOutput.FormatOf(path)));
    }

    /// <summary>1-based epoch of the smallest finite loss in <paramref name="losses"/> (the first on ties), or 0 when there is none.</summary>
    public static int BestEpoch(ReadOnlySpan<double> losses)
    {
        int best = 0;
        for (int i = 0; i < losses.Length; i++)
        {
            if (double.IsFinite(losses[i]) && (best == 0 || losses[i] < losses[best - 1]))
            {
                best = i + 1;
            }
        }

        return best;
    }

    private static Plot Build(double[] training, double[] validation, LossCurveOptions options)
    {
        ArgumentNullException.ThrowIfNull(training);
        if (training.Length == 0)
        {
            throw new ArgumentException("A loss curve needs at least one epoch of training loss; the array is empty.", nameof(training));
        }

        var plot = new Plot();
        double lowLog = double.PositiveInfinity, highLog = double.NegativeInfinity;
        void Track((double[] Xs, double[] Ys, int Dropped) curve)
        {
            foreach (double y in curve.Ys)
            {
                lowLog = Math.Min(lowLog, y);
                highLog = Math.Max(highLog, y);
            }
        }

        var train = Drawable(training);
        var valid = Drawable(validation);
        Track(train);
        Track(valid);
        if (!double.IsFinite(lowLog))
        {
            throw new ArgumentException("No training or validation loss is positive and finite, so nothing can be drawn on a log axis.", nameof(training));
        }

        AddCurve(plot, train, "training", Colors.SteelBlue, LinePattern.Solid);
        if (validation.Length > 0)
        {
            AddCurve(plot, valid, "validation", Colors.OrangeRed, LinePattern.Solid);
        }

        bool byValidation = BestEpoch(validation) > 0 && valid.Xs.Length > 0;
        double[] chosen = byValidation ? validation : training;
        int best = BestEpoch(chosen);
        if (best > 0 && chosen[best - 1] > 0)
        {
            var line = plot.Add.VerticalLine(best, 1.5f, Colors.DimGray, LinePattern.Dashed);
            line.LegendText = string.Create(CultureInfo.InvariantCulture,
                $"best epoch {best} ({(byValidation ? "validation" : "training")} loss {chosen[best - 1]:G4})");
            var marker = plot.Add.ScatterPoints(new[] { (double)best }, new[] { Math.Log10(chosen[best - 1]) }, Colors.Black);
            marker.MarkerSize = 10;
            marker.MarkerShape = MarkerShape.OpenCircle;
        }

        // A flat curve still gets some height, so its ticks say what the loss is.
        double span = Math.Max(highLog - lowLog, 0.2);
        double pad = 0.08 * span;
        double mid = (lowLog + highLog) / 2;
        double bottom = Math.Min(lowLog, mid - (span / 2)) - pad;
        double top = Math.Max(highLog, mid + (span / 2)) + pad;
        int epochs = Math.Max(training.Length, validation.Length);
        plot.Axes.SetLimits(0.5, epochs + 0.5, bottom, top);
        LogAxis.Apply(plot.Axes.Left, bottom, top);
        if (epochs <= 20)
        {
            plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericFixedInterval(1);
        }

        plot.Title(options.Title);
        plot.XLabel("epoch");
        plot.YLabel(options.LossLabel + " (log scale)");
        // Losses fall from the upper left, so the upper right is empty in a converging run.
        plot.ShowLegend(Alignment.UpperRight);
        return plot;
    }

    private static (double[] Xs, double[] Ys, int Dropped) Drawable(double[] losses)
    {
        var xs = new List<double>(losses.Length);
        var ys = new List<double>(losses.Length);
        for (int i = 0; i < losses.Length; i++)
        {
            double y = LogAxis.Log10OrNaN(losses[i]);
            if (double.IsFinite(y))
            {
                xs.Add(i + 1);
                ys.Add(y);
            }
        }

        return (xs.ToArray(), ys.ToArray(), losses.Length - xs.Count);
    }

    private static void AddCurve(Plot plot, (double[] Xs, double[] Ys, int Dropped) curve, string name, Color color, LinePattern pattern)
    {
        var scatter = plot.Add.Scatter(curve.Xs.Length > 0 ? curve.Xs : [double.NaN], curve.Ys.Length > 0 ? curve.Ys : [double.NaN], color);
        scatter.LineWidth = 2;
        scatter.LinePattern = pattern;
        scatter.MarkerSize = curve.Xs.Length <= 30 ? 5 : 0;
        scatter.LegendText = curve.Dropped > 0
            ? string.Create(CultureInfo.InvariantCulture, $"{name} ({curve.Dropped} epochs with loss <= 0 or non-finite not shown)")
            : name;
    }
}
