using Sieve.Reports.AnomalyDetection;

namespace Sieve.Core.Tests.Reports.AnomalyDetection;

public class ScoreVsMultiplicityPlotTests
{
    /// <summary>Multiplicity 1..12 (Poisson-like); the score grows with it, as a naive reconstruction error does.</summary>
    internal static (int[] Multiplicity, double[] Scores) Tracking(int n, int seed)
    {
        var rng = new Random(seed);
        var m = new int[n];
        var s = new double[n];
        for (int i = 0; i < n; i++)
        {
            int k = 1;
            while (k < 12 && rng.NextDouble() < 0.7)
            {
                k++;
            }

            m[i] = k;
            s[i] = (0.1 * k) * Math.Exp(0.4 * AnomalyTestData.Gauss(rng));
        }

        return (m, s);
    }

    [Fact]
    public void Save_writes_a_drawn_png()
    {
        (int[] m, double[] s) = Tracking(20_000, 31);
        using var output = new ReportTestOutput("anomaly-score-vs-multiplicity");
        string path = Path.Combine(output.Directory, "score_vs_multiplicity.png");
        var options = new ScoreVsMultiplicityOptions { Process = "SM background (synthetic data)", ScoreLabel = "masked MSE" };
        ScoreVsMultiplicityPlot.Save(path, m, s, options);
        PngAssert.IsDrawnPng(path, options.Width, options.Height);
    }

    [Fact]
    public void Save_writes_a_drawn_png_on_a_log_score_axis()
    {
        (int[] m, double[] s) = Tracking(20_000, 32);
        using var output = new ReportTestOutput("anomaly-score-vs-multiplicity-log");
        string path = Path.Combine(output.Directory, "score_vs_multiplicity_log.png");
        ScoreVsMultiplicityPlot.Save(path, m, s, new ScoreVsMultiplicityOptions { LogScoreAxis = true, Correlation = 0.5 });
        PngAssert.IsDrawnPng(path, 900, 650);
    }

    [Fact]
    public void Equal_scores_and_one_multiplicity_are_drawn()
    {
        using var output = new ReportTestOutput("anomaly-score-vs-multiplicity-equal");
        string path = Path.Combine(output.Directory, "score_vs_multiplicity_equal.png");
        ScoreVsMultiplicityPlot.Save(path, Enumerable.Repeat(4, 500).ToArray(), Enumerable.Repeat(1.5, 500).ToArray());
        PngAssert.IsDrawnPng(path, 900, 650);
    }

    [Fact]
    public void Wide_multiplicity_ranges_are_grouped()
    {
        var m = Enumerable.Range(0, 5_000).Select(i => i % 450).ToArray();
        var s = m.Select(k => Math.Sqrt(k + 1.0)).ToArray();
        byte[] png = ScoreVsMultiplicityPlot.Render(m, s);
        Assert.True(png.Length > 5_000);
    }

    [Fact]
    public void Mismatched_or_empty_input_is_rejected()
    {
        Assert.Throws<ArgumentException>(() => ScoreVsMultiplicityPlot.Render([1, 2], [0.5]));
        Assert.Throws<ArgumentException>(() => ScoreVsMultiplicityPlot.Render([], []));
        Assert.Throws<ArgumentException>(() => ScoreVsMultiplicityPlot.Render([-1], [0.5]));
    }
}
