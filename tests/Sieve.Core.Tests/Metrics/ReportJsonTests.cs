using System.Text.Json;
using Sieve.Core.Metrics;
using Sieve.Core.Tables;

namespace Sieve.Core.Tests.Metrics;

public class ReportJsonTests
{
    private static FidelityReport SampleReport(CompressionAccountingSummary? compression)
    {
        FeatureTable original = FidelityEvaluatorTests.Table(["pt", "eta", "phi", "m"], [50.0, 0.5, 1.0, 10.0, 80.0, -1.2, -3.0, 0.5]);
        FeatureTable reco = FidelityEvaluatorTests.Table(["pt", "eta", "phi", "m"], [51.0, 0.52, 1.01, 10.5, 79.0, -1.19, 3.1, 0.7]);
        return FidelityEvaluator.Evaluate(original, reco).Report with
        {
            Original = "orig.csv",
            Reconstructed = "reco.sieve",
            Synthetic = true,
            Compression = compression,
        };
    }

    [Fact]
    public void Json_has_the_documented_names()
    {
        string json = ReportJson.Serialize(SampleReport(new CompressionAccountingSummary(RawBytes: 8000, ArchiveBytes: 1000, Rows: 100)));
        using JsonDocument doc = JsonDocument.Parse(json);
        JsonElement root = doc.RootElement;

        Assert.Equal("sieve.fidelity/1", root.GetProperty("schema").GetString());
        Assert.Equal("orig.csv", root.GetProperty("original").GetString());
        Assert.True(root.GetProperty("synthetic").GetBoolean());
        Assert.Equal(8.0, root.GetProperty("compression_ratio").GetDouble());
        Assert.Equal(10.0, root.GetProperty("bytes_per_row").GetDouble());
        JsonElement compression = root.GetProperty("compression");
        Assert.Equal(8000, compression.GetProperty("raw_bytes").GetInt64());
        Assert.Equal(1000, compression.GetProperty("archive_bytes").GetInt64());
        Assert.Equal(8.0, compression.GetProperty("compression_ratio").GetDouble());
        Assert.Equal(10.0, compression.GetProperty("bytes_per_row").GetDouble());
        Assert.Equal(80.0, compression.GetProperty("bits_per_row").GetDouble());
        Assert.Equal(100, compression.GetProperty("rows").GetInt64());
        Assert.False(compression.TryGetProperty("model_bytes", out _));

        JsonElement pt = root.GetProperty("variables")[0];
        Assert.Equal("pt", pt.GetProperty("name").GetString());
        Assert.Equal("energy_like", pt.GetProperty("kind").GetString());
        foreach (string key in new[] { "count", "mean", "rms", "std", "iqr_width", "median", "min", "max", "max_abs" })
        {
            Assert.True(pt.GetProperty("residual").TryGetProperty(key, out _), key);
            Assert.True(pt.GetProperty("relative_residual").TryGetProperty(key, out _), key);
        }

        Assert.Equal("pt > 0 GeV", pt.GetProperty("relative_selection").GetString());
        JsonElement eta = root.GetProperty("variables")[1];
        Assert.Equal("plain", eta.GetProperty("kind").GetString());
        Assert.False(eta.TryGetProperty("relative_residual", out _));
        Assert.Equal("angle", root.GetProperty("variables")[2].GetProperty("kind").GetString());
        Assert.Equal("m > 1 GeV", root.GetProperty("variables")[3].GetProperty("relative_selection").GetString());
        Assert.Equal(1.0, root.GetProperty("energy_scale_to_gev").GetDouble());
        Assert.Contains("\"m > 1 GeV\"", json, StringComparison.Ordinal); // readable, not \u003E
        Assert.Contains("\n  ", json, StringComparison.Ordinal); // indented
    }

    [Fact]
    public void Without_compression_the_mirrors_are_absent()
    {
        using JsonDocument doc = JsonDocument.Parse(ReportJson.Serialize(SampleReport(null)));
        Assert.False(doc.RootElement.TryGetProperty("compression", out _));
        Assert.False(doc.RootElement.TryGetProperty("compression_ratio", out _));
        Assert.False(doc.RootElement.TryGetProperty("bytes_per_row", out _));
    }

    [Fact]
    public void Numbers_round_trip_exactly()
    {
        FidelityReport report = SampleReport(new CompressionAccountingSummary(8123, 977, 101, ModelBytes: 50_000));
        FidelityReport back = ReportJson.Deserialize(ReportJson.Serialize(report));

        Assert.Equal(report.Original, back.Original);
        Assert.Equal(report.Synthetic, back.Synthetic);
        Assert.Equal(report.Rows, back.Rows);
        Assert.Equal(report.Notes, back.Notes);
        Assert.Equal(report.Compression, back.Compression);
        Assert.Equal(report.CompressionRatio, back.CompressionRatio);
        Assert.Equal(report.Compression!.ModelPaybackRows, back.Compression!.ModelPaybackRows);
        Assert.Equal(report.Variables.Count, back.Variables.Count);
        for (int i = 0; i < report.Variables.Count; i++)
        {
            Assert.Equal(report.Variables[i], back.Variables[i]); // record equality: every double bit-exact
        }
    }

    [Fact]
    public void NaN_and_infinity_are_written_as_strings_and_read_back()
    {
        FidelityReport report = new()
        {
            Variables = [new VariableFidelity("eta", VariableKind.Plain, SummaryStatistics.Empty)],
            Compression = new CompressionAccountingSummary(RawBytes: 100, ArchiveBytes: 0, Rows: 0),
        };
        string json = ReportJson.Serialize(report);
        Assert.Contains("\"NaN\"", json, StringComparison.Ordinal);
        Assert.Contains("\"Infinity\"", json, StringComparison.Ordinal);

        FidelityReport back = ReportJson.Deserialize(json);
        Assert.True(double.IsNaN(back.Variables[0].Residual.Mean));
        Assert.True(double.IsPositiveInfinity(back.CompressionRatio!.Value));
    }

    [Fact]
    public void Compression_accounting_is_derived()
    {
        var c = new CompressionAccountingSummary(RawBytes: 10_000, ArchiveBytes: 2_000, Rows: 100, ModelBytes: 40_000);
        Assert.Equal(5.0, c.CompressionRatio);
        Assert.Equal(20.0, c.BytesPerRow);
        Assert.Equal(160.0, c.BitsPerRow);
        Assert.Equal(500.0, c.ModelPaybackRows); // 80 bytes saved per row pay 40 000 model bytes after 500 rows
        Assert.Null(new CompressionAccountingSummary(100, 200, 10, ModelBytes: 5).ModelPaybackRows);
        Assert.Null(new CompressionAccountingSummary(100, 20, 10).ModelPaybackRows);
    }
}
