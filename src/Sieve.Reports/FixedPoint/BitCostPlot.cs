using ScottPlot;
using Sieve.Reports.AnomalyDetection;
using Sieve.Reports.AnomalyDetection.Internal;

namespace Sieve.Reports.FixedPoint;

/// <summary>
/// The cost of each bit: how far a fixed-point model's score is from the float model's, against the
/// total width of its type (mean and largest |score difference| on a log axis), and, with a signal,
/// its AUC against the float AUC.
/// </summary>
public static class BitCostPlot
{
    /// <summary>Draws the score differences; widths ascending, one entry per width. Differences that a log axis cannot show (0) are left out.</summary>
    /// <exception cref="ArgumentException">Arrays of different lengths, or none.</exception>
    public static byte[] RenderDifferences(int[] bits, double[] mean, double[] max, string title, PlotFormat format = PlotFormat.Png)
    {
        Check(bits, mean, max);
        using var plot = new Plot();
        double low = double.PositiveInfinity, high = double.NegativeInfinity;
        foreach ((double[] ys, string name, Color color) in new[] { (mean, "mean |score_fixed - score_float|", Colors.SteelBlue), (max, "max |score_fixed - score_float|", Colors.OrangeRed) })
        {
            double[] xs = [.. bits.Where((_, i) => ys[i] > 0 && double.IsFinite(ys[i])).Select(b => (double)b)];
            double[] logs = [.. ys.Where(y => y > 0 && double.IsFinite(y)).Select(Math.Log10)];
            foreach (double y in logs)
            {
                low = Math.Min(low, y);
                high = Math.Max(high, y);
            }

            var scatter = plot.Add.Scatter(xs.Length > 0 ? xs : [double.NaN], logs.Length > 0 ? logs : [double.NaN], color);
            scatter.LineWidth = 2;
            scatter.MarkerSize = 6;
            scatter.LegendText = name;
        }

        if (!double.IsFinite(low))
        {
            low = -6;
            high = 0;
        }

        double pad = 0.08 * Math.Max(high - low, 0.5);
        plot.Axes.SetLimits(bits[0] - 0.5, bits[^1] + 0.5, low - pad, high + pad);
        LogAxis.Apply(plot.Axes.Left, low - pad, high + pad);
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericFixedInterval(bits.Length > 16 ? 2 : 1);
        plot.Title(title);
        plot.XLabel("total bits W of ap_fixed<W,I>");
        plot.YLabel("|score difference| (log scale)");
        plot.ShowLegend(Alignment.UpperRight);
        return PlotOutput.Render(plot, 900, 600, format);
    }

    /// <summary>Draws the fixed-point AUC per width with the float model's AUC as a line.</summary>
    public static byte[] RenderAuc(int[] bits, double[] auc, double floatAuc, string title, PlotFormat format = PlotFormat.Png)
    {
        Check(bits, auc, auc);
        using var plot = new Plot();
        var scatter = plot.Add.Scatter(bits.Select(b => (double)b).ToArray(), auc, Colors.SteelBlue);
        scatter.LineWidth = 2;
        scatter.MarkerSize = 6;
        scatter.LegendText = "fixed point";
        var line = plot.Add.HorizontalLine(floatAuc, 1.5f, Colors.DimGray, LinePattern.Dashed);
        line.LegendText = $"float ({floatAuc.ToString("F4", System.Globalization.CultureInfo.InvariantCulture)})";
        double low = Math.Min(auc.Min(), floatAuc), high = Math.Max(auc.Max(), floatAuc);
        double pad = 0.08 * Math.Max(high - low, 0.02);
        plot.Axes.SetLimits(bits[0] - 0.5, bits[^1] + 0.5, low - pad, high + pad);
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericFixedInterval(bits.Length > 16 ? 2 : 1);
        plot.Title(title);
        plot.XLabel("total bits W of ap_fixed<W,I>");
        plot.YLabel("AUC");
        plot.ShowLegend(Alignment.LowerRight);
        return PlotOutput.Render(plot, 900, 600, format);
    }

    private static void Check(int[] bits, double[] a, double[] b)
    {
        ArgumentNullException.ThrowIfNull(bits);
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (bits.Length == 0 || a.Length != bits.Length || b.Length != bits.Length)
        {
            throw new ArgumentException($"a bit-cost plot needs one value per width: {bits.Length} widths, {a.Length} and {b.Length} values.");
        }
    }
}
