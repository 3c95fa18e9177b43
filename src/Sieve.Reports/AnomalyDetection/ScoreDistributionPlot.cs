using System.Globalization;
using ScottPlot;
using Sieve.Reports.AnomalyDetection.Internal;

namespace Sieve.Reports.AnomalyDetection;

/// <summary>
/// Score histograms of background and signals on common bins, with a log-scaled vertical axis so the
/// tails (where the trigger thresholds sit) are visible. The background is filled grey, signals are step lines.
/// </summary>
public static class ScoreDistributionPlot
{
    /// <summary>Draws <paramref name="samples"/> and returns the image bytes.</summary>
    /// <exception cref="ArgumentException">No samples, a sample without label or scores array, or no finite score at all.</exception>
    public static byte[] Render(IReadOnlyList<ScoreSample> samples, ScoreDistributionOptions? options = null, PlotFormat format = PlotFormat.Png)
    {
        options ??= new ScoreDistributionOptions();
        using Plot plot = Build(samples, options);
        return PlotOutput.Render(plot, options.Width, options.Height, format);
    }

    /// <summary>Draws <paramref name="samples"/> into <paramref name="path"/> (.png or .svg; temporary file, then rename).</summary>
    public static void Save(string path, IReadOnlyList<ScoreSample> samples, ScoreDistributionOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        PlotOutput.Save(path, Render(samples, options, PlotOutput.FormatOf(path)));
    }

    private static Plot Build(IReadOnlyList<ScoreSample> samples, ScoreDistributionOptions options)
    {
        ArgumentNullException.ThrowIfNull(samples);
        if (samples.Count == 0)
        {
            throw new ArgumentException("A score distribution plot needs at least one process (background or signal); the list is empty.", nameof(samples));
        }

        if (options.Bins is < 1 or > 10_000)
        {
            throw new ArgumentOutOfRangeException(nameof(options), $"Bins must lie in 1..10000; got {options.Bins}.");
        }

        foreach (ScoreSample sample in samples)
        {
            if (sample?.Label is null || sample.Scores is null)
            {
                throw new ArgumentException("Every score sample needs a label and a scores array.", nameof(samples));
            }
        }

        Func<double, double> transform = options.LogScoreAxis ? LogAxis.Log10OrNaN : v => v;
        (double low, double high) = CommonRange(samples, transform);
        double width = (high - low) / options.Bins;

        var histograms = new List<(ScoreSample Sample, double[] Values, int Binned, int Dropped)>();
        double minPositive = double.PositiveInfinity;
        double max = 0;
        foreach (ScoreSample sample in samples)
        {
            var counts = new double[options.Bins];
            int binned = 0;
            foreach (double score in sample.Scores)
            {
                double t = transform(score);
                if (double.IsFinite(t))
                {
                    counts[Math.Clamp((int)((t - low) / width), 0, options.Bins - 1)]++;
                    binned++;
                }
            }

            double scale = options.Normalise && binned > 0 ? 1.0 / (binned * width) : 1.0;
            for (int b = 0; b < counts.Length; b++)
            {
                counts[b] *= scale;
                if (counts[b] > 0)
                {
                    minPositive = Math.Min(minPositive, counts[b]);
                    max = Math.Max(max, counts[b]);
                }
            }

            histograms.Add((sample, counts, binned, sample.Scores.Length - binned));
        }

        // Empty bins go one decade below the smallest filled bin, so step lines drop visibly instead of vanishing.
        double floorLog = Math.Floor(Math.Log10(minPositive)) - 1;
        double topLog = Math.Log10(max) + 0.3;

        var plot = new Plot();
        IPalette palette = new ScottPlot.Palettes.Category10();
        int signalIndex = 0;
        foreach ((ScoreSample sample, double[] values, int binned, int dropped) in histograms)
        {
            Color color = sample.IsBackground ? Colors.Gray : palette.GetColor(signalIndex++);
            AddHistogram(plot, values, low, width, floorLog, color, sample.IsBackground)
                .LegendText = LegendText(sample, binned, dropped, options.LogScoreAxis);
        }

        plot.Title(options.Title);
        plot.XLabel(options.ScoreLabel);
        plot.YLabel(options.Normalise ? "fraction of events per unit score (unit area)" : "events per bin");
        if (options.LogScoreAxis)
        {
            plot.XLabel(options.ScoreLabel + " (log scale)");
            plot.YLabel(options.Normalise ? "fraction of events per unit log10(score)" : "events per bin");
            LogAxis.Apply(plot.Axes.Bottom, low, high);
        }

        plot.Axes.SetLimits(low, high, floorLog, topLog);
        LogAxis.Apply(plot.Axes.Left, floorLog, topLog);
        // The signals' tails run to the right edge, the background peaks on the left: the legend goes below.
        plot.ShowLegend(Edge.Bottom);
        return plot;
    }

    private static ScottPlot.Plottables.Scatter AddHistogram(Plot plot, double[] values, double low, double width, double floorLog, Color color, bool filled)
    {
        int bins = values.Length;
        var xs = new double[bins + 3];
        var ys = new double[bins + 3];
        xs[0] = low;
        ys[0] = floorLog;
        for (int b = 0; b < bins; b++)
        {
            xs[b + 1] = low + (b * width);
            ys[b + 1] = values[b] > 0 ? Math.Log10(values[b]) : floorLog;
        }

        xs[bins + 1] = low + (bins * width);
        ys[bins + 1] = ys[bins];
        xs[bins + 2] = xs[bins + 1];
        ys[bins + 2] = floorLog;

        var scatter = plot.Add.ScatterLine(xs, ys, color);
        scatter.ConnectStyle = ConnectStyle.StepHorizontal;
        scatter.LineWidth = filled ? 1 : 2;
        if (filled)
        {
            scatter.FillY = true;
            scatter.FillYValue = floorLog;
            scatter.FillYColor = color.WithAlpha(0.35);
        }

        return scatter;
    }

    /// <summary>Range of all finite (transformed) scores; a single value is padded so it gets a bin of its own.</summary>
    private static (double Low, double High) CommonRange(IReadOnlyList<ScoreSample> samples, Func<double, double> transform)
    {
        double low = double.PositiveInfinity;
        double high = double.NegativeInfinity;
        foreach (ScoreSample sample in samples)
        {
            foreach (double score in sample.Scores)
            {
                double t = transform(score);
                if (double.IsFinite(t))
                {
                    low = Math.Min(low, t);
                    high = Math.Max(high, t);
                }
            }
        }

        if (!double.IsFinite(low))
        {
            throw new ArgumentException("None of the score samples has a finite score that can be drawn (all empty, NaN, infinite, or <= 0 on a log axis).", nameof(samples));
        }

        if (!(high > low))
        {
            double pad = Math.Max(Math.Abs(low) * 0.05, 0.5);
            return (low - pad, high + pad);
        }

        return (low, high);
    }

    private static string LegendText(ScoreSample sample, int binned, int dropped, bool logAxis)
    {
        string text = string.Create(CultureInfo.InvariantCulture, $"{sample.Label} (N = {binned}");
        if (dropped > 0)
        {
            string why = logAxis ? "non-finite or <= 0" : "non-finite";
            text += string.Create(CultureInfo.InvariantCulture, $", {dropped} {why} not shown");
        }

        return text + ")";
    }
}
