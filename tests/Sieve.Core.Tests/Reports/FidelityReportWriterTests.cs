using System.Text.Json;
using Sieve.Core.Metrics;
using Sieve.Core.Tables;
using Sieve.Reports;

namespace Sieve.Core.Tests.Reports;

public class FidelityReportWriterTests
{
    /// <summary>Synthetic jets: pT, eta, phi, m with a few per cent smearing and a phi bias near the boundary.</summary>
    private static (FeatureTable Original, FeatureTable Reco) SyntheticJets(int rows, int seed)
    {
        var rng = new Random(seed);
        string[] names = ["pt", "eta", "phi", "m"];
        var truth = new double[rows * 4];
        var reco = new double[rows * 4];
        double Gauss() => Math.Sqrt(-2 * Math.Log(1.0 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
        for (int r = 0; r < rows; r++)
        {
            double pt = 20 + (-60 * Math.Log(1.0 - rng.NextDouble()));
            double eta = (rng.NextDouble() - 0.5) * 5;
            double phi = (rng.NextDouble() * 2 * Math.PI) - Math.PI;
            double m = rng.NextDouble() * 30;
            truth[(r * 4) + 0] = pt;
            truth[(r * 4) + 1] = eta;
            truth[(r * 4) + 2] = phi;
            truth[(r * 4) + 3] = m;
            reco[(r * 4) + 0] = pt * (1 + (0.02 * Gauss()));
            reco[(r * 4) + 1] = eta + (0.01 * Gauss());
            reco[(r * 4) + 2] = Sieve.Core.Events.Kinematics.WrapPhi(phi + (0.01 * Gauss()));
            reco[(r * 4) + 3] = m + (0.5 * Gauss());
        }

        return (new FeatureTable(names, truth, rows, [], names), new FeatureTable(names, reco, rows, [], names));
    }

    [Fact]
    public void Write_produces_report_json_and_one_png_per_variable()
    {
        (FeatureTable original, FeatureTable reco) = SyntheticJets(4000, 5);
        FidelityEvaluation evaluation = FidelityEvaluator.Evaluate(original, reco);
        FidelityReport report = evaluation.Report with
        {
            Original = "synthetic jets",
            Reconstructed = "smeared jets",
            Synthetic = true,
            Compression = new CompressionAccountingSummary(RawBytes: 4000 * 32, ArchiveBytes: 4000 * 6, Rows: 4000),
        };

        using var output = new ReportTestOutput("fidelity-report");
        IReadOnlyList<string> written = FidelityReportWriter.Write(output.Directory, report, evaluation.Residuals);

        string jsonPath = Path.Combine(output.Directory, "report.json");
        Assert.Equal(jsonPath, written[0]);
        using (JsonDocument doc = JsonDocument.Parse(File.ReadAllText(jsonPath)))
        {
            Assert.Equal(4, doc.RootElement.GetProperty("variables").GetArrayLength());
            Assert.Equal(32.0 / 6, doc.RootElement.GetProperty("compression_ratio").GetDouble(), 12);
        }

        foreach (string name in new[] { "pt", "eta", "phi", "m" })
        {
            string png = Path.Combine(output.Directory, $"residual_{name}.png");
            Assert.Contains(png, written);
            PngAssert.IsDrawnPng(png, ResidualHistogram.Width, ResidualHistogram.Height);
        }

        Assert.Equal(5, Directory.GetFiles(output.Directory).Length); // no temporary files left
        Assert.Equal(0.02, report.Find("pt")!.RelativeResidual!.IqrWidth, 2);
    }

    [Fact]
    public void Write_replaces_an_existing_report()
    {
        (FeatureTable original, FeatureTable reco) = SyntheticJets(500, 9);
        FidelityEvaluation evaluation = FidelityEvaluator.Evaluate(original, reco);
        using var output = new ReportTestOutput("fidelity-report-twice");
        FidelityReportWriter.Write(output.Directory, evaluation);
        FidelityReportWriter.Write(output.Directory, evaluation with { Report = evaluation.Report with { Original = "second" } });

        FidelityReport back = ReportJson.Deserialize(File.ReadAllText(Path.Combine(output.Directory, "report.json")));
        Assert.Equal("second", back.Original);
        Assert.Equal(5, Directory.GetFiles(output.Directory).Length);
    }
}
