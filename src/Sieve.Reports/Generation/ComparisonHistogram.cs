using System.Globalization;
using System.Text;
using ScottPlot;
using SkiaSharp;
using Sieve.Reports.AnomalyDetection;

namespace Sieve.Reports.Generation;

/// <summary>
/// One feature of a reference and a generated sample overlaid as normalised step histograms (bins
/// from the reference's 0.5 - 99.5 % range, the same for both), with a ratio panel generated /
/// reference below. Two ScottPlot plots stacked into one PNG or SVG image.
/// </summary>
public static class ComparisonHistogram
{
    /// <summary>Width of the image in pixels.</summary>
    public const int Width = 800;

    /// <summary>Height of the histogram panel in pixels.</summary>
    public const int MainHeight = 480;

    /// <summary>Height of the ratio panel in pixels.</summary>
    public const int RatioHeight = 200;

    /// <summary>The bins and normalised densities of both samples (what the image draws).</summary>
    public static ComparisonBins Bin(ReadOnlySpan<double> reference, ReadOnlySpan<double> generated)
    {
        HistogramBinning binning = HistogramBinning.From(reference);
        int bins = binning.Counts.Length;
        double[] refDensity = Density(reference, binning.Low, binning.High, bins, out int refOutside);
        double[] genDensity = Density(generated, binning.Low, binning.High, bins, out int genOutside);
        var ratio = new double[bins];
        for (int i = 0; i < bins; i++)
        {
            ratio[i] = refDensity[i] > 0 ? genDensity[i] / refDensity[i] : double.NaN;
        }

        return new ComparisonBins(binning.Low, binning.High, refDensity, genDensity, ratio, refOutside, genOutside);
    }

    /// <summary>The image as PNG or SVG bytes.</summary>
    public static byte[] Render(string feature, ReadOnlySpan<double> reference, ReadOnlySpan<double> generated, string? subtitle, PlotFormat format)
    {
        ArgumentNullException.ThrowIfNull(feature);
        ComparisonBins bins = Bin(reference, generated);
        using Plot main = MainPanel(feature, bins, subtitle);
        using Plot ratio = RatioPanel(feature, bins);
        return format == PlotFormat.Svg ? StackSvg(main, ratio) : StackPng(main, ratio);
    }

    private static Plot MainPanel(string feature, ComparisonBins bins, string? subtitle)
    {
        var plot = new Plot();
        double[] edges = bins.Edges;
        AddSteps(plot, edges, bins.Reference, Colors.Black, $"reference (outside the range: {bins.ReferenceOutside})");
        AddSteps(plot, edges, bins.Generated, Colors.OrangeRed, $"generated (outside the range: {bins.GeneratedOutside})");
        plot.Title(subtitle is null ? feature : $"{feature}: {subtitle}");
        plot.YLabel("fraction per unit");
        plot.Axes.SetLimitsX(bins.Low, bins.High);
        plot.Axes.Margins(bottom: 0);
        plot.ShowLegend(Alignment.UpperRight);
        return plot;
    }

    private static Plot RatioPanel(string feature, ComparisonBins bins)
    {
        var plot = new Plot();
        AddSteps(plot, bins.Edges, bins.Ratio, Colors.OrangeRed, null);
        var one = plot.Add.HorizontalLine(1);
        one.Color = Colors.Gray;
        one.LinePattern = LinePattern.Dashed;
        plot.XLabel(feature);
        plot.YLabel("generated / reference");
        plot.Axes.SetLimitsX(bins.Low, bins.High);
        plot.Axes.SetLimitsY(0, 2);
        return plot;
    }

    // A step outline: each bin's value held over its width; NaN bins (empty reference) leave a gap.
    private static void AddSteps(Plot plot, double[] edges, double[] values, Color color, string? legend)
    {
        var xs = new List<double>();
        var ys = new List<double>();
        for (int i = 0; i < values.Length; i++)
        {
            xs.Add(edges[i]);
            ys.Add(values[i]);
            xs.Add(edges[i + 1]);
            ys.Add(values[i]);
        }

        var line = plot.Add.ScatterLine(xs.ToArray(), ys.ToArray());
        line.Color = color;
        line.LineWidth = 2;
        if (legend is not null)
        {
            line.LegendText = legend;
        }
    }

    private static double[] Density(ReadOnlySpan<double> values, double low, double high, int bins, out int outside)
    {
        var counts = new double[bins];
        double width = (high - low) / bins;
        outside = 0;
        int total = 0;
        foreach (double v in values)
        {
            if (!double.IsFinite(v))
            {
                continue;
            }

            total++;
            if (v < low || v > high)
            {
                outside++;
                continue;
            }

            counts[Math.Min(bins - 1, (int)((v - low) / width))]++;
        }

        // Normalised to the whole sample (not only what falls in range): both curves integrate to their share inside.
        for (int i = 0; i < bins; i++)
        {
            counts[i] = total == 0 ? 0 : counts[i] / (total * width);
        }

        return counts;
    }

    private static byte[] StackPng(Plot main, Plot ratio)
    {
        using SKImage top = SKImage.FromEncodedData(main.GetImageBytes(Width, MainHeight, ImageFormat.Png));
        using SKImage bottom = SKImage.FromEncodedData(ratio.GetImageBytes(Width, RatioHeight, ImageFormat.Png));
        using var surface = SKSurface.Create(new SKImageInfo(Width, MainHeight + RatioHeight));
        surface.Canvas.Clear(SKColors.White);
        surface.Canvas.DrawImage(top, 0, 0);
        surface.Canvas.DrawImage(bottom, 0, MainHeight);
        using SKImage image = surface.Snapshot();
        using SKData data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    // Two SVG documents nested in one at their vertical offsets.
    private static byte[] StackSvg(Plot main, Plot ratio)
    {
        string top = StripDeclaration(main.GetSvgXml(Width, MainHeight));
        string bottom = StripDeclaration(ratio.GetSvgXml(Width, RatioHeight));
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{MainHeight + RatioHeight}\">");
        svg.Append(CultureInfo.InvariantCulture, $"<g>{top}</g><g transform=\"translate(0,{MainHeight})\">{bottom}</g></svg>");
        return Encoding.UTF8.GetBytes(svg.ToString());
    }

    private static string StripDeclaration(string xml) => xml.StartsWith("<?xml", StringComparison.Ordinal) ? xml[(xml.IndexOf("?>", StringComparison.Ordinal) + 2)..] : xml;
}
