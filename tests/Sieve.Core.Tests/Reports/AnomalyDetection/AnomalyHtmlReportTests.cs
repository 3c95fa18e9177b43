using Sieve.Reports.AnomalyDetection;

namespace Sieve.Core.Tests.Reports.AnomalyDetection;

public class AnomalyHtmlReportTests
{
    private static AnomalyPage SampleReport(string title = "Dense AE, channel 2a", bool figures = true)
    {
        RocSeries[] curves = RocPlotTests.SeededCurves(20_000, out int n);
        var signals = curves.Select(c => new SignalSummary(
            c.Label,
            c.Auc,
            0.004,
            [
                new EfficiencyAtFpr(1e-2, 0.3125, 0.011),
                new EfficiencyAtFpr(1e-3, 0.0875, 0.006),
                new EfficiencyAtFpr(1e-4, 0.0123, null),
                new EfficiencyAtFpr(1e-5, null),
            ],
            0.217)).ToArray();
        return new AnomalyPage
        {
            Title = title,
            DataSource = "toy events from the seeded generator, 20000 background & 15000 signal",
            Synthetic = true,
            ScoreName = "masked MSE",
            BackgroundCount = n,
            BackgroundMultiplicityCorrelation = 0.83,
            Signals = signals,
            Figures = figures
                ? [new ReportFigure("ROC curves", RocPlot.Render(curves, new RocPlotOptions { BackgroundCount = n })),
                   new ReportFigure("Score per process", ScoreDistributionPlot.Render(ScoreDistributionPlotTests.SeededSamples())),
                   new ReportFigure("Training", LossCurvePlot.Render(LossCurvePlotTests.SeededRun(40, 5).Training, LossCurvePlotTests.SeededRun(40, 5).Validation))]
                : [],
            Notes = ["Bootstrap errors from 200 resamples."],
        };
    }

    [Fact]
    public void Write_puts_table_values_banner_and_embedded_images_in_one_file()
    {
        using var output = new ReportTestOutput("anomaly-report");
        string path = AnomalyHtmlReport.Write(output.Directory, SampleReport());

        Assert.Equal(Path.Combine(output.Directory, "index.html"), path);
        Assert.Single(Directory.GetFiles(output.Directory)); // self-contained, no temporary file left
        string html = File.ReadAllText(path);
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.Contains("SYNTHETIC DATA", html, StringComparison.Ordinal);
        Assert.Contains("toy events from the seeded generator, 20000 background &amp; 15000 signal", html, StringComparison.Ordinal);
        Assert.Contains("A -&gt; 4l", html, StringComparison.Ordinal);
        Assert.Contains("0.3125 &plusmn; 0.0110", html, StringComparison.Ordinal);
        Assert.Contains("0.0123<br>", html, StringComparison.Ordinal);
        Assert.Contains("SIC 3.13", html, StringComparison.Ordinal);    // 0.3125 / sqrt(1e-2)
        Assert.Contains(AnomalyHtmlReport.NotEnoughBackground, html, StringComparison.Ordinal);
        Assert.Contains("400 Hz", html, StringComparison.Ordinal);
        Assert.Contains("400 kHz", html, StringComparison.Ordinal);
        Assert.Contains("10<sup>-5</sup>", html, StringComparison.Ordinal);
        Assert.Contains("0.217", html, StringComparison.Ordinal);
        Assert.Contains("Pearson r = 0.830", html, StringComparison.Ordinal);
        Assert.Equal(3, CountOf(html, "src=\"data:image/png;base64,iVBORw0KGgo")); // base64 of the PNG signature
        Assert.DoesNotContain("<img src=\"roc", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Embedded_images_decode_to_the_given_pngs()
    {
        AnomalyPage report = SampleReport();
        string html = AnomalyHtmlReport.Render(report);
        const string Marker = "data:image/png;base64,";
        int start = html.IndexOf(Marker, StringComparison.Ordinal) + Marker.Length;
        int end = html.IndexOf('"', start);
        Assert.Equal(report.Figures[0].Png, Convert.FromBase64String(html[start..end]));
    }

    [Fact]
    public void Caller_text_is_escaped()
    {
        AnomalyPage report = SampleReport("<script>alert('x')</script> & co", figures: false) with { Notes = ["<b>bold</b>"] };
        string html = AnomalyHtmlReport.Render(report);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>bold", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; co", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Real_data_has_no_synthetic_banner()
    {
        string html = AnomalyHtmlReport.Render(SampleReport(figures: false) with { Synthetic = false });
        Assert.DoesNotContain("SYNTHETIC", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_replaces_an_existing_page_whole_and_leaves_it_alone_on_bad_input()
    {
        using var output = new ReportTestOutput("anomaly-report-atomic");
        string path = Path.Combine(output.Directory, AnomalyHtmlReport.FileName);
        File.WriteAllText(path, "old page");

        AnomalyHtmlReport.Write(output.Directory, SampleReport("second", figures: false));
        Assert.Contains("<h1>second</h1>", File.ReadAllText(path), StringComparison.Ordinal);

        Assert.Throws<ArgumentException>(() => AnomalyHtmlReport.Write(output.Directory, SampleReport("third", figures: false) with { Signals = [] }));
        Assert.Contains("<h1>second</h1>", File.ReadAllText(path), StringComparison.Ordinal);
        Assert.Single(Directory.GetFiles(output.Directory)); // the temporary file was renamed, none left behind
    }

    [Fact]
    public void An_empty_signal_list_is_a_clear_argument_error()
    {
        var e = Assert.Throws<ArgumentException>(() => AnomalyHtmlReport.Render(SampleReport(figures: false) with { Signals = [] }));
        Assert.Contains("at least one signal", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_figure_that_is_not_a_png_is_rejected()
    {
        var e = Assert.Throws<ArgumentException>(() => AnomalyHtmlReport.Render(
            SampleReport(figures: false) with { Figures = [new ReportFigure("svg by mistake", "<svg/>"u8.ToArray())] }));
        Assert.Contains("svg by mistake", e.Message, StringComparison.Ordinal);
    }

    private static int CountOf(string text, string part)
    {
        int count = 0;
        for (int at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + 1, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
