using System.Text.Json;
using Sieve.Core.Metrics.AnomalyDetection;

namespace Sieve.Core.Tests.Metrics.AnomalyDetection;

public class AnomalyReportJsonTests
{
    private static AnomalyReport Report()
    {
        var random = new Random(3);
        ScoredSample bg = ScoredSample.FromEvents("background", Enumerable.Range(0, 300).Select(i =>
            new ScoredEvent(RocCurveTests.Gaussian(random), 1.0, i % 2 == 0 ? "ttbar" : "wjets", 2 + (i % 5))));
        ScoredSample sig = ScoredSample.FromEvents("glgl1400", Enumerable.Range(0, 100).Select(i =>
            new ScoredEvent(1.5 + RocCurveTests.Gaussian(random), 0.5, Multiplicity: 4 + (i % 3))));
        ScoredSample plain = ScoredSample.Create("stop", Enumerable.Range(0, 50).Select(_ => 0.5 + RocCurveTests.Gaussian(random)).ToArray());
        return AnomalyEvaluator.Evaluate(bg, [sig, plain], new AnomalyMetricsOptions { BootstrapReplicates = 20 }) with
        {
            ScoreName = "masked_mse",
            Notes = ["synthetic test"],
        };
    }

    [Fact]
    public void Json_has_the_documented_names()
    {
        string json = AnomalyReportJson.Serialize(Report());
        using JsonDocument doc = JsonDocument.Parse(json);
        JsonElement root = doc.RootElement;

        Assert.Equal("sieve.anomaly/1", root.GetProperty("schema").GetString());
        Assert.Equal("masked_mse", root.GetProperty("score_name").GetString());
        Assert.Equal("conservative_step", root.GetProperty("method").GetString());
        Assert.Equal(40e6, root.GetProperty("collision_rate_hz").GetDouble());
        Assert.Equal(20, root.GetProperty("bootstrap_replicates").GetInt32());

        JsonElement background = root.GetProperty("background");
        Assert.Equal(300, background.GetProperty("effective_events").GetInt32());
        Assert.Equal(2, background.GetProperty("correlation").GetProperty("per_process").GetArrayLength());
        Assert.True(background.GetProperty("score").TryGetProperty("median", out _));

        JsonElement signal = root.GetProperty("signals")[0];
        Assert.Equal("glgl1400", signal.GetProperty("name").GetString());
        Assert.InRange(signal.GetProperty("auc").GetDouble(), 0.7, 1.0);
        Assert.True(signal.GetProperty("auc_bootstrap").GetProperty("std").GetDouble() > 0);
        Assert.True(signal.GetProperty("correlation").GetProperty("overall").TryGetProperty("spearman", out _));
        JsonElement first = signal.GetProperty("working_points")[0];
        Assert.Equal("ok", first.GetProperty("status").GetString());
        foreach (string key in new[] { "target_fpr", "threshold", "fpr", "tpr", "sic", "trigger_rate_hz" })
        {
            Assert.True(first.TryGetProperty(key, out _), key);
        }

        Assert.True(first.GetProperty("tpr_bootstrap").TryGetProperty("p84", out _));
        JsonElement last = signal.GetProperty("working_points")[3];
        Assert.Equal("not_enough_background", last.GetProperty("status").GetString());
        Assert.False(last.TryGetProperty("tpr", out _));
        Assert.False(root.GetProperty("signals")[1].TryGetProperty("correlation", out _));
    }

    [Fact]
    public void Round_trips()
    {
        AnomalyReport report = Report();
        AnomalyReport back = AnomalyReportJson.Deserialize(AnomalyReportJson.Serialize(report));

        Assert.Equal(report.ScoreName, back.ScoreName);
        Assert.Equal(report.Background with { Correlation = null }, back.Background with { Correlation = null });
        Assert.Equal(report.Background.Correlation!.PerProcess, back.Background.Correlation!.PerProcess);
        Assert.Equal(report.Signals.Count, back.Signals.Count);
        for (int i = 0; i < report.Signals.Count; i++)
        {
            Assert.Equal(report.Signals[i].Auc, back.Signals[i].Auc);
            Assert.Equal(report.Signals[i].AucBootstrap, back.Signals[i].AucBootstrap);
            Assert.Equal(report.Signals[i].WorkingPoints, back.Signals[i].WorkingPoints);
        }

        Assert.Equal(report.Notes, back.Notes);
    }

    [Fact]
    public void Signal_names_must_differ()
    {
        ScoredSample bg = ScoredSample.Create("background", [1.0, 2]);
        ScoredSample s = ScoredSample.Create("s", [3.0]);
        Assert.Throws<ArgumentException>(() => AnomalyEvaluator.Evaluate(bg, [s, s]));
    }
}
