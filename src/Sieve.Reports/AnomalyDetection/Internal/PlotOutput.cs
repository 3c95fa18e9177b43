using System.Text;
using ScottPlot;
using Sieve.Reports.Internal;

namespace Sieve.Reports.AnomalyDetection.Internal;

/// <summary>Turns a finished ScottPlot <see cref="Plot"/> into bytes or a file, the same way for every plot type.</summary>
internal static class PlotOutput
{
    public static byte[] Render(Plot plot, int width, int height, PlotFormat format)
    {
        CheckSize(width, height);
        return format switch
        {
            PlotFormat.Png => plot.GetImageBytes(width, height, ImageFormat.Png),
            PlotFormat.Svg => Encoding.UTF8.GetBytes(plot.GetSvgXml(width, height)),
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, "expected Png or Svg"),
        };
    }

    /// <summary>The format a file name asks for: <c>.png</c> or <c>.svg</c> (any case).</summary>
    public static PlotFormat FormatOf(string path)
    {
        string extension = Path.GetExtension(path);
        if (extension.Equals(".png", StringComparison.OrdinalIgnoreCase))
        {
            return PlotFormat.Png;
        }

        if (extension.Equals(".svg", StringComparison.OrdinalIgnoreCase))
        {
            return PlotFormat.Svg;
        }

        throw new ArgumentException($"Cannot tell the image format of '{path}': use a .png or .svg file name.", nameof(path));
    }

    /// <summary>Writes the image through a temporary file and a rename, like every other report file.</summary>
    public static void Save(string path, byte[] bytes) => AtomicFile.WriteAllBytes(path, bytes);

    private static void CheckSize(int width, int height)
    {
        // Below this, axis labels and legends overlap into an unreadable image.
        const int Min = 200;
        const int Max = 10_000;
        if (width is < Min or > Max || height is < Min or > Max)
        {
            throw new ArgumentOutOfRangeException(nameof(width), $"Image size {width} x {height} px is outside {Min}..{Max} px per side.");
        }
    }
}
