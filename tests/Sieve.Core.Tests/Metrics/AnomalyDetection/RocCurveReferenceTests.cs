using System.Text.Json;
using Sieve.Core.Metrics.AnomalyDetection;

namespace Sieve.Core.Tests.Metrics.AnomalyDetection;

/// <summary>
/// Differential test against scikit-learn's roc_auc_score and roc_curve with sample weights
/// (Reference/make_reference.py, values in Reference/sklearn_reference.json).
/// </summary>
public class RocCurveReferenceTests
{
    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (JsonElement c in Load().GetProperty("cases").EnumerateArray())
        {
            data.Add(c.GetProperty("name").GetString()!);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Matches_sklearn(string name)
    {
        JsonElement c = Load().GetProperty("cases").EnumerateArray().Single(e => e.GetProperty("name").GetString() == name);
        RocCurve roc = RocCurve.Compute(
            Doubles(c, "background_scores"), Doubles(c, "background_weights"), Doubles(c, "signal_scores"), Doubles(c, "signal_weights"));

        Assert.Equal(c.GetProperty("auc").GetDouble(), roc.Auc, 1e-9);
        Assert.Equal(c.GetProperty("roc_points").GetInt32(), roc.Count);
        foreach (JsonElement p in c.GetProperty("working_points").EnumerateArray())
        {
            double target = p.GetProperty("fpr").GetDouble();
            WorkingPoint step = WorkingPoints.At(roc, target, WorkingPointMethod.ConservativeStep);
            WorkingPoint interpolated = WorkingPoints.At(roc, target, WorkingPointMethod.Interpolate);
            Assert.Equal(p.GetProperty("tpr_step").GetDouble(), step.Tpr!.Value, 1e-9);
            Assert.Equal(p.GetProperty("tpr_interpolated").GetDouble(), interpolated.Tpr!.Value, 1e-9);
        }
    }

    private static double[] Doubles(JsonElement c, string key) =>
        c.GetProperty(key).ValueKind == JsonValueKind.Null ? [] : c.GetProperty(key).EnumerateArray().Select(e => e.GetDouble()).ToArray();

    private static JsonElement Load()
    {
        string path = Path.Combine(AppContext.BaseDirectory, "Metrics", "AnomalyDetection", "Reference", "sklearn_reference.json");
        return JsonDocument.Parse(File.ReadAllText(path)).RootElement;
    }
}
