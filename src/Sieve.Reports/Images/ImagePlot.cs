using ScottPlot;
using Sieve.Core.Tables;
using Sieve.Reports.AnomalyDetection.Internal;

namespace Sieve.Reports.Images;

/// <summary>
/// A jet or calorimeter image as a heatmap: channels summed, log10 colour scale (empty pixels
/// transparent), phi across, eta up. Unequal bins (calorimeter regions in eta) are drawn as equal
/// rows with their edges as tick labels, so every region stays visible.
/// </summary>
public static class ImagePlot
{
    /// <summary>Image size in pixels.</summary>
    public const int Width = 700, Height = 600;

    /// <summary>The plot of <paramref name="values"/>, flat in <paramref name="shape"/> (channel, eta, phi).</summary>
    public static Plot Build(IReadOnlyList<double> values, RowShape shape, ImagePlotAxes axes, string title, string unit)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(shape);
        ArgumentNullException.ThrowIfNull(axes);
        int channels = shape.Dims[0];
        int rows = shape.Dims[1];
        int columns = shape.Dims[2];
        var cells = new double[rows, columns];
        double max = double.NegativeInfinity;
        double min = double.PositiveInfinity;
        for (int r = 0; r < rows; r++)
        {
            for (int c = 0; c < columns; c++)
            {
                double sum = 0;
                for (int k = 0; k < channels; k++)
                {
                    sum += values[(((k * rows) + r) * columns) + c];
                }

                // Heatmap row 0 is drawn at the top; image row 0 is the lowest eta, so flip.
                double log = sum > 0 && double.IsFinite(sum) ? Math.Log10(sum) : double.NaN;
                cells[rows - 1 - r, c] = log;
                if (!double.IsNaN(log))
                {
                    max = Math.Max(max, log);
                    min = Math.Min(min, log);
                }
            }
        }

        if (!double.IsFinite(max))
        {
            // No positive pixel (an empty event, or a reconstruction below zero everywhere): nothing to put
            // on a log scale, and a heatmap of blanks has no range; draw it flat and say so.
            Array.Clear(cells);
            title += " (no positive pixel)";
        }

        var plot = new Plot();
        var heatmap = plot.Add.Heatmap(cells);
        bool uniformEta = IsUniform(axes.EtaEdges);
        double etaLow = uniformEta ? axes.EtaEdges[0] : 0;
        double etaHigh = uniformEta ? axes.EtaEdges[^1] : rows;
        heatmap.Rectangle = new CoordinateRect(axes.PhiEdges[0], axes.PhiEdges[^1], etaLow, etaHigh);
        heatmap.NaNCellColor = Colors.Transparent;
        heatmap.Colormap = new ScottPlot.Colormaps.Viridis();
        heatmap.ManualRange = double.IsFinite(max)
            ? new ScottPlot.Range(Math.Max(min, max - 4), max == min ? max + 1 : max)
            : new ScottPlot.Range(0, 1);

        var bar = plot.Add.ColorBar(heatmap);
        bar.Label = $"log10({unit})";
        if (!uniformEta)
        {
            var ticks = new ScottPlot.TickGenerators.NumericManual();
            for (int i = 0; i <= rows; i++)
            {
                ticks.AddMajor(i, axes.EtaEdges[i].ToString("0.###", System.Globalization.CultureInfo.InvariantCulture));
            }

            plot.Axes.Left.TickGenerator = ticks;
        }

        plot.Axes.SetLimits(axes.PhiEdges[0], axes.PhiEdges[^1], etaLow, etaHigh);
        plot.Title(title);
        plot.XLabel(axes.PhiLabel + " (rad)");
        plot.YLabel(uniformEta ? axes.EtaLabel : axes.EtaLabel + " (region edges)");
        return plot;
    }

    /// <summary>Draws into <paramref name="path"/> (.png or .svg; temporary file, then rename).</summary>
    public static void Save(string path, IReadOnlyList<double> values, RowShape shape, ImagePlotAxes axes, string title, string unit)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using Plot plot = Build(values, shape, axes, title, unit);
        PlotOutput.Save(path, PlotOutput.Render(plot, Width, Height, PlotOutput.FormatOf(path)));
    }

    private static bool IsUniform(IReadOnlyList<double> edges)
    {
        double step = (edges[^1] - edges[0]) / (edges.Count - 1);
        for (int i = 1; i < edges.Count; i++)
        {
            if (Math.Abs(edges[i] - edges[i - 1] - step) > 1e-9 * Math.Max(1, Math.Abs(step)))
            {
                return false;
            }
        }

        return true;
    }
}
