using Sieve.Core.Metrics.AnomalyDetection;
using System.Globalization;
using ScottPlot;
using Sieve.Core.Metrics;
using Sieve.Reports.AnomalyDetection.Internal;

namespace Sieve.Reports.AnomalyDetection;

/// <summary>
/// Anomaly score against object multiplicity: a 2-D histogram normalised per multiplicity column
/// (so rare multiplicities are as visible as common ones), the mean score ± standard deviation per
/// multiplicity on top, and the Pearson correlation in the title. A score that rises with the object
/// count flags "more objects" rather than "new physics".
/// </summary>
public static class ScoreVsMultiplicityPlot
{
    /// <summary>Most columns drawn; wider multiplicity ranges are grouped into columns of several counts.</summary>
    public const int MaxColumns = 100;

    /// <summary>Draws the scores of one process against its multiplicities and returns the image bytes.</summary>
    /// <exception cref="ArgumentException">Arrays of different length, no events, a negative multiplicity, or no finite score.</exception>
    public static byte[] Render(int[] multiplicity, double[] scores, ScoreVsMultiplicityOptions? options = null, PlotFormat format = PlotFormat.Png)
    {
        options ??= new ScoreVsMultiplicityOptions();
        using Plot plot = Build(multiplicity, scores, options);
        return PlotOutput.Render(plot, options.Width, options.Height, format);
    }

    /// <summary>Draws into <paramref name="path"/> (.png or .svg; temporary file, then rename).</summary>
    public static void Save(string path, int[] multiplicity, double[] scores, ScoreVsMultiplicityOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        PlotOutput.Save(path, Render(multiplicity, scores, options, PlotOutput.FormatOf(path)));
    }

    private static Plot Build(int[] multiplicity, double[] scores, ScoreVsMultiplicityOptions options)
    {
        ArgumentNullException.ThrowIfNull(multiplicity);
        ArgumentNullException.ThrowIfNull(scores);
        if (multiplicity.Length != scores.Length)
        {
            throw new ArgumentException($"{multiplicity.Length} multiplicities but {scores.Length} scores: one of each per event.", nameof(scores));
        }

        if (options.ScoreBins is < 2 or > 1000)
        {
            throw new ArgumentOutOfRangeException(nameof(options), $"ScoreBins must lie in 2..1000; got {options.ScoreBins}.");
        }

        // The displayed score (log10 on a log axis); events without a finite displayed score are left out and counted.
        var ys = new List<double>(scores.Length);
        var ms = new List<int>(scores.Length);
        for (int i = 0; i < scores.Length; i++)
        {
            if (multiplicity[i] < 0)
            {
                throw new ArgumentException($"Event {i} has multiplicity {multiplicity[i]}; object counts cannot be negative.", nameof(multiplicity));
            }

            double y = options.LogScoreAxis ? LogAxis.Log10OrNaN(scores[i]) : scores[i];
            if (double.IsFinite(y))
            {
                ys.Add(y);
                ms.Add(multiplicity[i]);
            }
        }

        if (ys.Count == 0)
        {
            throw new ArgumentException($"No event of '{options.Process}' has a finite score that can be drawn ({scores.Length} events).", nameof(scores));
        }

        int left = scores.Length - ys.Count;
        double r = options.Correlation ?? ScoreCorrelation.Pearson([.. multiplicity.Select(m => (double)m)], scores);

        int minM = ms.Min();
        int maxM = ms.Max();
        int step = Math.Max(1, (int)Math.Ceiling((maxM - minM + 1) / (double)MaxColumns));
        int columns = ((maxM - minM) / step) + 1;
        (double low, double high) = ScoreRange(ys);
        int rows = options.ScoreBins;
        double rowHeight = (high - low) / rows;

        var counts = new double[rows, columns];
        var columnTotals = new int[columns];
        var sums = new double[columns];
        var sumSquares = new double[columns]; // squared deviations from the column mean
        for (int i = 0; i < ys.Count; i++)
        {
            int c = (ms[i] - minM) / step;
            int row = Math.Clamp((int)((ys[i] - low) / rowHeight), 0, rows - 1);
            counts[rows - 1 - row, c]++; // ScottPlot draws the first row of a heatmap at the top
            columnTotals[c]++;
            sums[c] += ys[i];
        }

        // Second pass around the column means (the one-pass formula cancels badly for large, similar scores).
        for (int i = 0; i < ys.Count; i++)
        {
            int c = (ms[i] - minM) / step;
            double d = ys[i] - (sums[c] / columnTotals[c]);
            sumSquares[c] += d * d;
        }

        double maxFraction = 0;
        for (int c = 0; c < columns; c++)
        {
            for (int row = 0; row < rows; row++)
            {
                counts[row, c] = counts[row, c] > 0 ? counts[row, c] / columnTotals[c] : double.NaN;
                maxFraction = Math.Max(maxFraction, double.IsNaN(counts[row, c]) ? 0 : counts[row, c]);
            }
        }

        var plot = new Plot();
        // ScottPlot 5.1 draws nothing for a heatmap one column wide (all events at one multiplicity),
        // so the cells get an empty column on each side, outside the visible range.
        var padded = new double[rows, columns + 2];
        for (int row = 0; row < rows; row++)
        {
            padded[row, 0] = double.NaN;
            padded[row, columns + 1] = double.NaN;
            for (int c = 0; c < columns; c++)
            {
                padded[row, c + 1] = counts[row, c];
            }
        }

        var heatmap = plot.Add.Heatmap(padded);
        // Rectangle gives the outer cell edges; Extent would place the outer cell centres there.
        heatmap.Rectangle = new CoordinateRect(minM - (1.5 * step), minM + ((columns + 0.5) * step), low, high);
        heatmap.NaNCellColor = Colors.Transparent;
        heatmap.Colormap = new ScottPlot.Colormaps.Viridis();
        // Colours from 0, not from the smallest filled cell: otherwise a single filled cell (constant
        // input) has an empty colour range and is not drawn.
        heatmap.ManualRange = new ScottPlot.Range(0, maxFraction);
        var colorBar = plot.Add.ColorBar(heatmap);
        colorBar.Label = "fraction of events at this multiplicity";

        AddProfile(plot, minM, step, columnTotals, sums, sumSquares, options.LogScoreAxis);

        string rText = double.IsNaN(r) ? "Pearson r undefined (constant score or multiplicity)" : string.Create(CultureInfo.InvariantCulture, $"Pearson r = {r:0.000}");
        plot.Title($"Score vs multiplicity: {options.Process}, {rText}");
        plot.XLabel(step == 1 ? options.MultiplicityLabel : string.Create(CultureInfo.InvariantCulture, $"{options.MultiplicityLabel} (columns of {step})"));
        plot.YLabel(options.LogScoreAxis ? options.ScoreLabel + " (log scale)" : options.ScoreLabel);
        plot.Axes.SetLimits(minM - (0.5 * step), minM + ((columns - 0.5) * step), low, high);
        if (options.LogScoreAxis)
        {
            LogAxis.Apply(plot.Axes.Left, low, high);
        }

        if (columns <= 30)
        {
            // Object counts are integers: no ticks at 3.55 objects.
            plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericFixedInterval(step);
        }

        string note = string.Create(CultureInfo.InvariantCulture, $"N = {ys.Count} events; score range clipped to 0.5-99.5 % quantiles");
        if (left > 0)
        {
            note += string.Create(CultureInfo.InvariantCulture, $"; {left} without a drawable score left out");
        }

        var annotation = plot.Add.Annotation(note, Alignment.LowerRight);
        annotation.LabelFontSize = 11;
        plot.ShowLegend(Alignment.UpperLeft);
        return plot;
    }

    private static void AddProfile(Plot plot, int minM, int step, int[] totals, double[] sums, double[] sumSquares, bool logScore)
    {
        var xs = new List<double>();
        var means = new List<double>();
        var stds = new List<double>();
        for (int c = 0; c < totals.Length; c++)
        {
            if (totals[c] == 0)
            {
                continue;
            }

            double mean = sums[c] / totals[c];
            double variance = totals[c] > 1 ? sumSquares[c] / (totals[c] - 1) : 0;
            xs.Add(minM + (c * step) + ((step - 1) / 2.0));
            means.Add(mean);
            stds.Add(Math.Sqrt(variance));
        }

        var errors = plot.Add.ErrorBar(xs, means, stds);
        errors.Color = Colors.OrangeRed;
        errors.LineWidth = 2;
        var markers = plot.Add.ScatterPoints(xs.ToArray(), means.ToArray(), Colors.OrangeRed);
        markers.MarkerSize = 8;
        // On a log axis the profile is of log10(score): the mean of the score itself would sit off the drawn bulk.
        markers.LegendText = logScore ? "mean log10(score) ± std per multiplicity" : "mean score ± std per multiplicity";
    }

    /// <summary>0.5 % - 99.5 % quantiles of the drawn scores, so a few outliers do not squash the bulk; padded when constant.</summary>
    private static (double Low, double High) ScoreRange(List<double> values)
    {
        double[] sorted = [.. values];
        Array.Sort(sorted);
        double low = Quantile.OfSorted(sorted, HistogramBinning.LowQuantile);
        double high = Quantile.OfSorted(sorted, HistogramBinning.HighQuantile);
        if (!(high > low))
        {
            double pad = Math.Max(Math.Abs(low) * 0.05, 0.5);
            return (low - pad, high + pad);
        }

        return (low, high);
    }
}
