using System.Globalization;
using System.Text.Json;
using Sieve.Core.Metrics.AnomalyDetection;
using Sieve.Core.Metrics.Classification;

namespace Sieve.Core.Tests.Metrics.Classification;

/// <summary>
/// The classifier report's numbers against numpy (tests/fixtures/classify/make_reference.py on the
/// committed rows.csv): the Mann-Whitney AUC with signed weights, Youden's working point, the confusion
/// matrices, and the bootstrap spread of the AUC against DeLong's standard error.
/// </summary>
public class ClassifierReportReferenceTests
{
    private static readonly string Dir = Path.Combine(AppContext.BaseDirectory, "fixtures", "classify");

    [Theory]
    [InlineData("weighted")]
    [InlineData("unweighted")]
    public void Auc_working_point_and_confusion_matrices_match_numpy(string weighting)
    {
        JsonElement reference = Reference().GetProperty(weighting);
        (ScoredSample background, ScoredSample signal) = Rows(weighting == "weighted");

        RocCurve roc = RocCurve.Compute(background, signal);
        Assert.Equal(reference.GetProperty("auc").GetDouble(), roc.Auc, 1e-12);

        double youden = ClassifierWorkingPoint.Default.Resolve(roc);
        Assert.Equal(reference.GetProperty("youden_threshold").GetDouble(), youden);
        ConfusionMatrix atYouden = ConfusionMatrix.At(background, signal, youden);
        Assert.Equal(reference.GetProperty("youden_j").GetDouble(), atYouden.YoudenJ, 1e-12);
        AssertMatrix(reference.GetProperty("confusion_at_youden"), atYouden);

        double half = ClassifierWorkingPoint.Parse("0.5").Resolve(roc);
        AssertMatrix(reference.GetProperty("confusion_at_0.5"), ConfusionMatrix.At(background, signal, half));
    }

    [Fact]
    public void Bootstrap_spread_of_the_auc_agrees_with_DeLong()
    {
        (ScoredSample background, ScoredSample signal) = Rows(weighted: false);
        double delong = Reference().GetProperty("unweighted").GetProperty("auc_delong_se").GetDouble();

        RocBootstrap bootstrap = RocBootstrap.Run(background, signal, new AnomalyMetricsOptions { BootstrapReplicates = 2000, BootstrapSeed = 7 });

        // 2,000 replicates estimate a standard deviation to about 1.6 %; DeLong is itself asymptotic,
        // so 15 % leaves room for both while a wrong resampling (e.g. unstratified, or one class only) fails.
        Assert.InRange(bootstrap.Auc.Std / delong, 0.85, 1.15);
    }

    [Theory]
    [InlineData("tpr=0.8")]
    [InlineData("fpr=0.1")]
    public void Efficiency_targets_give_the_cut_that_meets_them(string text)
    {
        (ScoredSample background, ScoredSample signal) = Rows(weighted: false);
        RocCurve roc = RocCurve.Compute(background, signal);
        ClassifierWorkingPoint point = ClassifierWorkingPoint.Parse(text);
        double threshold = point.Resolve(roc);
        ConfusionMatrix m = ConfusionMatrix.At(background, signal, threshold);
        double next = NextScoreAbove(background, signal, threshold);
        ConfusionMatrix tighter = ConfusionMatrix.At(background, signal, next);
        if (point.Kind == WorkingPointKind.SignalEfficiency)
        {
            // The cut reaches the target, and the next tighter one does not: it is the highest that does.
            Assert.True(m.Tpr >= 0.8);
            Assert.True(tighter.Tpr < 0.8);
        }
        else
        {
            Assert.True(m.Fpr <= 0.1);
            double looser = NextScoreBelow(background, signal, threshold);
            Assert.True(ConfusionMatrix.At(background, signal, looser).Fpr > 0.1);
        }
    }

    [Theory]
    [InlineData("tpr=1.5")]
    [InlineData("fpr=x")]
    [InlineData("purity=0.3")]
    public void Malformed_working_points_are_refused_with_what_is_accepted(string text)
    {
        var e = Assert.Throws<ArgumentException>(() => ClassifierWorkingPoint.Parse(text));
        Assert.Contains("--working-point", e.Message, StringComparison.Ordinal);
    }

    private static double NextScoreAbove(ScoredSample b, ScoredSample s, double t) =>
        b.Scores.ToArray().Concat(s.Scores.ToArray()).Where(x => x > t).DefaultIfEmpty(double.PositiveInfinity).Min();

    private static double NextScoreBelow(ScoredSample b, ScoredSample s, double t) =>
        b.Scores.ToArray().Concat(s.Scores.ToArray()).Where(x => x < t).DefaultIfEmpty(double.NegativeInfinity).Max();

    private static void AssertMatrix(JsonElement expected, ConfusionMatrix actual)
    {
        Assert.Equal(expected.GetProperty("threshold").GetDouble(), actual.Threshold);
        Assert.Equal(expected.GetProperty("true_positive").GetDouble(), actual.TruePositive, 1e-9);
        Assert.Equal(expected.GetProperty("false_negative").GetDouble(), actual.FalseNegative, 1e-9);
        Assert.Equal(expected.GetProperty("false_positive").GetDouble(), actual.FalsePositive, 1e-9);
        Assert.Equal(expected.GetProperty("true_negative").GetDouble(), actual.TrueNegative, 1e-9);
    }

    private static JsonElement Reference() => JsonDocument.Parse(File.ReadAllText(Path.Combine(Dir, "reference.json"))).RootElement;

    private static (ScoredSample Background, ScoredSample Signal) Rows(bool weighted)
    {
        var bg = (Scores: new List<double>(), Weights: new List<double>());
        var sig = (Scores: new List<double>(), Weights: new List<double>());
        foreach (string line in File.ReadLines(Path.Combine(Dir, "rows.csv")).Skip(1))
        {
            string[] p = line.Split(',');
            var target = p[1] == "1" ? sig : bg;
            target.Scores.Add(double.Parse(p[0], CultureInfo.InvariantCulture));
            target.Weights.Add(weighted ? double.Parse(p[2], CultureInfo.InvariantCulture) : 1.0);
        }

        return (ScoredSample.Create("background", bg.Scores.ToArray(), bg.Weights.ToArray()),
                ScoredSample.Create("signal", sig.Scores.ToArray(), sig.Weights.ToArray()));
    }
}
