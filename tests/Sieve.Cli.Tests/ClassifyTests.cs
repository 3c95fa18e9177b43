using System.Globalization;
using System.Text;
using System.Text.Json;
using Sieve.Core.Metrics.Classification;
using Sieve.Core.Normalisation;
using Sieve.Core.Tables;
using Sieve.Models.Classifiers;
using Sieve.Pipeline;
using Sieve.Tests.Shared;

namespace Sieve.Cli.Tests;

public sealed class ClassifyTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("sieve-classify-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    [Fact]
    public void Classify_end_to_end_and_sieve_roc_reads_its_scores_to_the_same_auc()
    {
        (string bg, string sig) = WriteGaussians(600, 400);
        string report = Path.Combine(dir, "report");
        (int code, string output) = CliRunner.Run("classify", "--background", bg, "--signal", sig, "--normalisation", "zscore", "--epochs", "30", "--bootstrap", "50", "--out", report);
        Assert.True(code == 0, output);

        using JsonDocument summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(report, ClassifyWorkflow.SummaryFile)));
        double auc = summary.RootElement.GetProperty("auc").GetDouble();
        Assert.InRange(auc, 0.8, 1.0);   // means 2 sigma apart: Bayes AUC Phi(sqrt 2) = 0.92
        // The test split is 20 % of each class, and exactly those events are in the scores files.
        Assert.Equal(120, File.ReadLines(Path.Combine(report, ClassifyWorkflow.BackgroundScores)).Count() - 1);
        Assert.Equal(80, File.ReadLines(Path.Combine(report, ClassifyWorkflow.SignalScores)).Count() - 1);
        Assert.True(File.Exists(Path.Combine(report, "index.html")));
        Assert.True(File.Exists(Path.Combine(report, "roc.png")));

        JsonElement c = summary.RootElement.GetProperty("confusion");
        double total = c.GetProperty("true_positive").GetDouble() + c.GetProperty("false_negative").GetDouble()
                       + c.GetProperty("false_positive").GetDouble() + c.GetProperty("true_negative").GetDouble();
        // Its entries are weight sums (signed, the default): together the test split's total weight.
        double testWeight = new[] { ClassifyWorkflow.BackgroundScores, ClassifyWorkflow.SignalScores }
            .SelectMany(f => File.ReadLines(Path.Combine(report, f)).Skip(1)).Sum(l => double.Parse(l.Split(',')[3], CultureInfo.InvariantCulture));
        Assert.Equal(testWeight, total, 6);

        // The scores files are `sieve score`'s kind: sieve roc reads them and finds the same AUC.
        string roc = Path.Combine(dir, "roc");
        (code, output) = CliRunner.Run("roc", "-b", Path.Combine(report, ClassifyWorkflow.BackgroundScores), "-s", Path.Combine(report, ClassifyWorkflow.SignalScores),
            "--score", "classifier", "--bootstrap", "0", "--out", roc);
        Assert.True(code == 0, output);
        using JsonDocument rocReport = JsonDocument.Parse(File.ReadAllText(Path.Combine(roc, "report.json")));
        Assert.Equal(auc, rocReport.RootElement.GetProperty("signals")[0].GetProperty("auc").GetDouble(), 12);

        // Overlay: any scores with --reference get the classifier's curve and its AUC in the notes.
        string overlay = Path.Combine(dir, "overlay");
        (code, output) = CliRunner.Run("roc", "-b", Path.Combine(report, ClassifyWorkflow.BackgroundScores), "-s", Path.Combine(report, ClassifyWorkflow.SignalScores),
            "--score", "classifier", "--bootstrap", "0", "--reference", report, "--out", overlay);
        Assert.True(code == 0, output);
        using JsonDocument overlaid = JsonDocument.Parse(File.ReadAllText(Path.Combine(overlay, "report.json")));
        string note = overlaid.RootElement.GetProperty("notes").EnumerateArray().Select(n => n.GetString()!).Single(n => n.StartsWith("Supervised reference", StringComparison.Ordinal));
        Assert.Contains(auc.ToString("F4", CultureInfo.InvariantCulture), note, StringComparison.Ordinal);
    }

    [Fact]
    public void Predict_with_the_saved_classifier_gives_the_test_splits_scores_again()
    {
        (string bg, string sig) = WriteGaussians(300, 200);
        string report = Path.Combine(dir, "report-predict");
        (int code, string output) = CliRunner.Run("classify", "--background", bg, "--signal", sig, "--normalisation", "zscore", "--epochs", "5", "--bootstrap", "0", "--out", report);
        Assert.True(code == 0, output);
        string model = Path.Combine(report, ClassifyWorkflow.ModelDirectory), scores = Path.Combine(dir, "predicted.csv");
        (code, output) = CliRunner.Run("predict", "--model", model, "--input", sig, "--out", scores);
        Assert.True(code == 0, output);

        // Every signal event is scored; those of the test split exactly as classify scored them.
        Dictionary<string, string> Scores(string file) => File.ReadLines(file).Skip(1).Select(l => l.Split(',')).ToDictionary(c => c[0], c => c[2]);
        Dictionary<string, string> all = Scores(scores), test = Scores(Path.Combine(report, ClassifyWorkflow.SignalScores));
        Assert.Equal(200, all.Count);
        Assert.All(test, kv => Assert.Equal(kv.Value, all[kv.Key]));

        // A damaged weights file is refused, not used.
        File.AppendAllText(Path.Combine(model, "weights.bin"), "x");
        (code, output) = CliRunner.Run("predict", "--model", model, "--input", sig, "--out", Path.Combine(dir, "p2.csv"));
        Assert.True(code != 0, output);
        Assert.Contains("SHA-256 mismatch", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Split_is_stratified_and_disjoint_and_the_normaliser_sees_the_training_rows_only()
    {
        (string bg, string sig) = WriteGaussians(300, 200);
        var request = new ClassifyRequest(new InputRequest(bg), new InputRequest(sig), Path.Combine(dir, "r"), NormalisationKind.ZScore,
            new ClassifierTrainingOptions { Epochs = 3 }, 0.25, 0.2, ClassifierWorkingPoint.Default, Bootstrap: 0);
        (_, FeatureNormaliser normaliser, StratifiedSplit split) = ClassifyWorkflow.Run(request);

        Assert.Empty(split.Train.Intersect(split.Test));
        Assert.Empty(split.Train.Intersect(split.Validation));
        Assert.Empty(split.Validation.Intersect(split.Test));
        Assert.Equal(60 + 40, split.Test.Length);
        Assert.Equal(60, split.Test.Count(r => r < 300));

        // Feature x0 of the background rows then the signal rows, as the workflow joins them.
        double[] x0 = [.. Column(bg), .. Column(sig)];
        double trainMean = split.Train.Average(r => x0[r]);
        double allMean = x0.Average();
        FeatureTransform t = normaliser.Transforms.Single(t => t.Feature == "x0");
        Assert.Equal(trainMean, t.Offset, 9);
        Assert.NotEqual(allMean, t.Offset, 6);
    }

    [SkippableFact]
    public void HiggsML_background_against_signal_is_far_above_the_anomaly_scores()
    {
        string bgFile = SharedData.Require("higgsml/bg.csv");
        string sigFile = SharedData.Require("higgsml/sig.csv");
        // A subsample keeps it to seconds: the first 1,000 events of each file.
        string bg = Head(bgFile, 1000, "bg.csv"), sig = Head(sigFile, 1000, "sig.csv");
        string report = Path.Combine(dir, "hml");
        (int code, string output) = CliRunner.Run("classify", "-b", bg, "-s", sig, "--missing", "-999", "--normalisation", "logzscore", "--ignore-weights",
            "--epochs", "40", "--bootstrap", "20", "--out", report);
        Assert.True(code == 0, output);
        using JsonDocument summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(report, ClassifyWorkflow.SummaryFile)));
        // The supervised reference on the full files is 0.87 (unweighted); the best unsupervised score 0.64.
        Assert.InRange(summary.RootElement.GetProperty("auc").GetDouble(), 0.78, 0.95);
    }

    private string Head(string path, int rows, string name)
    {
        string target = Path.Combine(dir, name);
        File.WriteAllLines(target, File.ReadLines(path).Take(rows + 1));
        return target;
    }

    private static double[] Column(string path) =>
        [.. File.ReadLines(path).Skip(1).Select(l => double.Parse(l.Split(',')[1], CultureInfo.InvariantCulture))];

    // Two unit Gaussians in 3 features, the signal's mean 2 away along x0 and x1 together (sqrt 2 each).
    private (string Background, string Signal) WriteGaussians(int background, int signal)
    {
        var random = new Random(17);
        string Write(string name, int n, double shift)
        {
            var text = new StringBuilder("event_id,x0,x1,x2,weight\n");
            for (int i = 0; i < n; i++)
            {
                text.Append(CultureInfo.InvariantCulture, $"{i},{Normal(random) + shift:R},{Normal(random) + shift:R},{Normal(random):R},{0.5 + random.NextDouble():R}\n");
            }

            string path = Path.Combine(dir, name);
            File.WriteAllText(path, text.ToString());
            return path;
        }

        return (Write("bg.csv", background, 0), Write("sig.csv", signal, Math.Sqrt(2)));
    }

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
