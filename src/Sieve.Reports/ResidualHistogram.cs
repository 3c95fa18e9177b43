using System.Globalization;
using ScottPlot;
using Sieve.Core.Metrics;
using Sieve.Reports.Internal;

namespace Sieve.Reports;

/// <summary>Histogram of residuals as a PNG (ScottPlot, headless).</summary>
public static class ResidualHistogram
{
    /// <summary>Width of the image in pixels.</summary>
    public const int Width = 900;

    /// <summary>Height of the image in pixels.</summary>
    public const int Height = 600;

    /// <summary>
    /// Draws a histogram of <paramref name="values"/> clipped to the 0.5 % - 99.5 % quantiles (the
    /// legend says so and counts what fell outside), with N, mean, RMS, std and IQR/1.349 of all values
    /// printed in the plot, and writes it to <paramref name="path"/> (temporary file, then rename).
    /// </summary>
    /// <param name="path">Output PNG path.</param>
    /// <param name="variable">Feature name, used in the title.</param>
    /// <param name="values">Residuals (NaN and infinities are counted, not drawn).</param>
    /// <param name="xLabel">Label of the horizontal axis, e.g. "(reco - true) / true".</param>
    /// <param name="subtitle">Second part of the title (selection, "(synthetic data)"), or null.</param>
    public static void SavePng(string path, string variable, ReadOnlySpan<double> values, string xLabel, string? subtitle)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(variable);
        ArgumentNullException.ThrowIfNull(xLabel);
        byte[] png = RenderPng(variable, values, xLabel, subtitle);
        AtomicFile.WriteAllBytes(path, png);
    }

    /// <summary>The same plot as <see cref="SavePng"/>, as PNG bytes.</summary>
    public static byte[] RenderPng(string variable, ReadOnlySpan<double> values, string xLabel, string? subtitle)
    {
        ArgumentNullException.ThrowIfNull(variable);
        ArgumentNullException.ThrowIfNull(xLabel);
        SummaryStatistics stats = SummaryStatistics.FromValues(values);
        HistogramBinning binning = HistogramBinning.From(values);

        using var plot = new Plot();
        double width = binning.BinWidth;
        var bars = new List<Bar>(binning.Counts.Length);
        for (int i = 0; i < binning.Counts.Length; i++)
        {
            bars.Add(new Bar
            {
                Position = binning.Low + ((i + 0.5) * width),
                Value = binning.Counts[i],
                Size = width,
                FillColor = Colors.SteelBlue,
                LineWidth = 0,
            });
        }

        var barPlot = plot.Add.Bars(bars);
        barPlot.LegendText = Invariant($"range clipped to 0.5-99.5 % quantiles: {binning.Underflow} below, {binning.Overflow} above");

        if (double.IsFinite(stats.Mean))
        {
            var meanLine = plot.Add.VerticalLine(stats.Mean);
            meanLine.Color = Colors.OrangeRed;
            meanLine.LinePattern = LinePattern.Dashed;
            meanLine.LegendText = "mean";
        }

        string statsText = stats.Count == 0
            ? "no values"
            : Invariant($"all values:\nN = {stats.Count}\nmean = {stats.Mean:G4}\nRMS = {stats.Rms:G4}\nstd = {stats.Std:G4}\nIQR/1.349 = {stats.IqrWidth:G4}");
        if (binning.NonFinite > 0)
        {
            statsText += Invariant($"\nnon-finite: {binning.NonFinite}");
        }

        plot.Add.Annotation(statsText, Alignment.UpperRight);
        plot.Title(subtitle is null ? variable : $"{variable}: {subtitle}");
        plot.XLabel(xLabel);
        plot.YLabel("entries per bin");
        plot.Axes.Margins(bottom: 0);
        plot.ShowLegend(Alignment.UpperLeft);
        return plot.GetImageBytes(Width, Height, ImageFormat.Png);
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
