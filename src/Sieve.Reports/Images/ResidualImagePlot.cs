using ScottPlot;
using Sieve.Core.Tables;
using Sieve.Reports.AnomalyDetection.Internal;

namespace Sieve.Reports.Images;

/// <summary>
/// A signed image (reconstruction - original, or a latent traversal's change) as a heatmap on a linear
/// colour scale symmetric about zero (blue below, red above; the Balance colour map), channels summed,
/// with the axes of <see cref="ImagePlot"/>: a log scale cannot show a sign, and a blurred
/// reconstruction shows here as a red halo around a blue core.
/// </summary>
public static class ResidualImagePlot
{
    /// <summary>The plot of <paramref name="values"/>, flat in <paramref name="shape"/> (channel, eta, phi).</summary>
    public static Plot Build(IReadOnlyList<double> values, RowShape shape, ImagePlotAxes axes, string title, string unit)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(shape);
        ArgumentNullException.ThrowIfNull(axes);
        int channels = shape.Dims[0], rows = shape.Dims[1], columns = shape.Dims[2];
        var cells = new double[rows, columns];
        double largest = 0;
        for (int r = 0; r < rows; r++)
        {
            for (int c = 0; c < columns; c++)
            {
                double sum = 0;
                for (int k = 0; k < channels; k++)
                {
                    sum += values[(((k * rows) + r) * columns) + c];
                }

                // Heatmap row 0 is drawn at the top; image row 0 is the lowest eta. A value that is not
                // finite (an untrained decoder's overflow) is left blank rather than setting the scale.
                cells[rows - 1 - r, c] = double.IsFinite(sum) ? sum : double.NaN;
                largest = double.IsFinite(sum) ? Math.Max(largest, Math.Abs(sum)) : largest;
            }
        }

        if (!cells.Cast<double>().Any(double.IsFinite))
        {
            Array.Clear(cells);   // a heatmap of blanks has no range
        }

        var plot = new Plot();
        var heatmap = plot.Add.Heatmap(cells);
        heatmap.Rectangle = new CoordinateRect(axes.PhiEdges[0], axes.PhiEdges[^1], 0, rows);
        heatmap.Colormap = new ScottPlot.Colormaps.Balance();
        heatmap.NaNCellColor = Colors.Transparent;
        heatmap.ManualRange = new ScottPlot.Range(-Math.Max(largest, 1e-12), Math.Max(largest, 1e-12));
        var bar = plot.Add.ColorBar(heatmap);
        bar.Label = unit;
        var ticks = new ScottPlot.TickGenerators.NumericManual();
        int every = Math.Max(1, rows / 7);
        for (int i = 0; i <= rows; i += every)
        {
            ticks.AddMajor(i, axes.EtaEdges[i].ToString("0.###", System.Globalization.CultureInfo.InvariantCulture));
        }

        plot.Axes.Left.TickGenerator = ticks;
        plot.Axes.SetLimits(axes.PhiEdges[0], axes.PhiEdges[^1], 0, rows);
        plot.Title(title);
        plot.XLabel(axes.PhiLabel + " (rad)");
        plot.YLabel(axes.EtaLabel);
        return plot;
    }

    /// <summary>Draws into <paramref name="path"/> (.png or .svg; temporary file, then rename).</summary>
    public static void Save(string path, IReadOnlyList<double> values, RowShape shape, ImagePlotAxes axes, string title, string unit)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using Plot plot = Build(values, shape, axes, title, unit);
        PlotOutput.Save(path, PlotOutput.Render(plot, ImagePlot.Width, ImagePlot.Height, PlotOutput.FormatOf(path)));
    }
}
