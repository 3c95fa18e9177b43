using System.Globalization;
using System.Text;
using System.Text.Json;
using Sieve.Core.Metrics.AnomalyDetection;
using Sieve.Core.Metrics.Classification;
using Sieve.Core.Normalisation;
using Sieve.Core.Serialization;
using Sieve.Core.Tables;
using Sieve.IO;
using Sieve.Models.Classifiers;
using Sieve.Models.Runtime;
using Sieve.Models.Training;

namespace Sieve.Pipeline;

/// <summary>
/// classify: labelled background and signal -> a stratified seeded train / validation / test split ->
/// missing-value fills and normaliser fitted on the training rows only -> a dense classifier -> on the
/// test rows: scores files written like `sieve score`'s (column score_classifier), the `sieve roc` report of
/// them (ROC, AUC with bootstrap error, TPR at fixed FPR, plots, HTML) and classify.json with the
/// confusion matrix at a working point chosen on the validation rows (so the test rows stay unseen).
/// </summary>
public static class ClassifyWorkflow
{
    /// <summary>Score column of the classifier's probability.</summary>
    public const string ScoreName = "classifier";

    /// <summary>File names written in the output directory.</summary>
    public const string BackgroundScores = "test_background_scores.csv", SignalScores = "test_signal_scores.csv", SummaryFile = "classify.json", HistoryFile = "history.csv";

    /// <summary>Folder of the trained classifier inside the output directory (`sieve predict --model`).</summary>
    public const string ModelDirectory = "classifier";

    /// <summary>Runs training and report; returns the summary and the normaliser (fitted on the training rows) with those rows, for checks.</summary>
    public static (ClassifySummary Summary, FeatureNormaliser Normaliser, StratifiedSplit Split) Run(ClassifyRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        LoadedInput background = InputLoader.Load(request.Background);
        LoadedInput signal = InputLoader.Load(request.Signal with { Columns = background.Table.FeatureNames, Format = request.Signal.Format ?? background.Format });
        FeatureTable bg = background.Table, sig = signal.Table;
        if (bg.RowCount < 5 || sig.RowCount < 5)
        {
            throw new InvalidDataException($"classify needs at least 5 events of each class; {request.Background.Path} has {bg.RowCount}, {request.Signal.Path} {sig.RowCount}.");
        }

        int f = bg.FeatureCount;
        int n = bg.RowCount + sig.RowCount;
        var table = new FeatureTable(bg.FeatureNames, [.. bg.Values, .. sig.Values], n, [], bg.FeatureNames);
        int[] labels = [.. Enumerable.Repeat(0, bg.RowCount), .. Enumerable.Repeat(1, sig.RowCount)];
        StratifiedSplit split = StratifiedSplit.Create(labels, request.ValidationFraction, request.TestFraction, request.Training.Seed);

        float[]? mask = null;
        IReadOnlyList<double>? fills = null;
        if (request.Background.Missing is { } marker)
        {
            MissingValueSplit filled = MissingValues.Split(table, marker, MissingValueFill.TrainingMean, split.Train);
            table = filled.Table;
            mask = [.. filled.Mask.Select(m => (float)m)];
            fills = filled.FillValues;
        }

        FeatureNormaliser normaliser = NormaliserFitter.Fit(request.Normalisation, DataSplit.Subset(table, split.Train), background.Unit.ToGeV());
        float[] all;
        try
        {
            all = normaliser.Transform(table.Values, mask);
        }
        catch (NormalisationException e)
        {
            string file = e.Row < bg.RowCount ? request.Background.Path : request.Signal.Path;
            int row = e.Row < bg.RowCount ? e.Row : e.Row - bg.RowCount;
            throw new Sieve.Core.Errors.SieveDataException(file, background.Format == InputFormat.Csv ? row + 2L : null, e.Feature,
                $"value {e.Value.ToString("R", CultureInfo.InvariantCulture)} cannot be normalised with --normalisation {request.Normalisation}", "a value inside the transform's domain (try --normalisation zscore)", e);
        }

        double[] weights = [.. EventWeights(bg, request.Background.Path), .. EventWeights(sig, request.Signal.Path)];
        double[] trainingWeights = request.IgnoreWeights ? [] : weights;
        float[] y = [.. labels.Select(l => (float)l)];
        float[] Labels(int[] rows) => [.. rows.Select(r => y[r])];
        float[] Balanced(int[] rows) => ClassifierTrainer.BalancedWeights(Labels(rows), trainingWeights.Length == 0 ? default : rows.Select(r => trainingWeights[r]).ToArray());

        TorchRuntime.EnsureLoaded();
        Trainer.Seed(request.Training.Seed);
        using var model = new DenseClassifier(f, DenseClassifier.DefaultHiddenWidths);
        ClassifierTrainingResult result = ClassifierTrainer.Train(model,
            TableNormalisation.Rows(all, f, split.Train), Labels(split.Train), Balanced(split.Train),
            TableNormalisation.Rows(all, f, split.Validation), Labels(split.Validation), Balanced(split.Validation), request.Training);
        if (result.BestEpoch == 0)
        {
            throw new TrainingDivergedException($"{result.Divergence?.Message ?? "training produced no usable epoch"}; no classifier was trained.");
        }

        string dir = request.OutputDirectory;
        Directory.CreateDirectory(dir);
        var history = new StringBuilder("epoch,train_loss,validation_loss\n");
        for (int e = 0; e < result.History.Count; e++)
        {
            history.Append(CultureInfo.InvariantCulture, $"{e + 1},{result.History[e].Train:R},{result.History[e].Validation:R}\n");
        }

        AtomicFile.WriteAllText(Path.Combine(dir, HistoryFile), history.ToString());
        ClassifierCheckpoint.Save(Path.Combine(dir, ModelDirectory), model, new ClassifierManifest
        {
            Tool = ToolInfo.Name,
            Features = bg.FeatureNames,
            HiddenWidths = model.HiddenWidths,
            InputFormat = background.Format,
            Unit = background.Unit,
            Layout = request.Background.Layout,
            MissingMarker = request.Background.Missing,
            MissingFills = fills,
            Normaliser = normaliser,
            WeightsSha256 = string.Empty,
        });

        double[] Probabilities(int[] rows) => model.Probabilities(TableNormalisation.Rows(all, f, rows));
        int[] testBg = [.. split.Test.Where(r => labels[r] == 0)], testSig = [.. split.Test.Where(r => labels[r] == 1)];
        WriteScores(Path.Combine(dir, BackgroundScores), bg, testBg, 0, Probabilities(testBg), weights, mask, f, "background");
        WriteScores(Path.Combine(dir, SignalScores), sig, testSig, bg.RowCount, Probabilities(testSig), weights, mask, f, "signal");

        var roc = new RocRequest(Path.Combine(dir, BackgroundScores), [Path.Combine(dir, SignalScores)], ScoreName, dir, request.Bootstrap,
            LossHistory: Path.Combine(dir, HistoryFile), IgnoreWeights: request.IgnoreWeights, ClipNegativeWeights: request.ClipNegativeWeights);
        (AnomalyReport report, _) = RocWorkflow.Run(roc);
        EventWeighting weighting = roc.Weighting();

        // The working point is fixed on the validation rows and then applied to the test rows.
        int[] valBg = [.. split.Validation.Where(r => labels[r] == 0)], valSig = [.. split.Validation.Where(r => labels[r] == 1)];
        ScoredSample Sample(string name, int[] rows) => ScoredSample.Create(name, Probabilities(rows), rows.Select(r => weights[r]).ToArray()).WithWeighting(weighting);
        ClassifierWorkingPoint point = request.WorkingPoint ?? ClassifierWorkingPoint.Default;
        double threshold = point.Resolve(RocCurve.Compute(Sample("background", valBg), Sample("signal", valSig)));
        ConfusionMatrix confusion = ConfusionMatrix.At(Sample("background", testBg), Sample("signal", testSig), threshold);

        SignalReport s = report.Signals[0];
        int Count(int[] rows, int label) => rows.Count(r => labels[r] == label);
        var summary = new ClassifySummary(bg.FeatureNames, model.HiddenWidths,
            new Dictionary<string, int[]>
            {
                ["background"] = [Count(split.Train, 0), Count(split.Validation, 0), Count(split.Test, 0)],
                ["signal"] = [Count(split.Train, 1), Count(split.Validation, 1), Count(split.Test, 1)],
            },
            result.BestEpoch, result.History.Count, s.Auc, s.AucBootstrap, s.WorkingPoints, point.ToString(), confusion, weighting.ToString().ToLowerInvariant(),
            [
                "Every number is of the held-out test split, which training, early stopping, the normaliser and the working point never saw.",
                "Training weights: each class rescaled to half the total, negative event weights set to 0; the report sums weights as its weighting says.",
                .. report.Notes,
            ]);
        AtomicFile.WriteAllText(Path.Combine(dir, SummaryFile), JsonSerializer.Serialize(summary, SieveJson.Options));
        return (summary, normaliser, split);
    }

    // Event weights from a weight side channel (HiggsML's Weight); 1 without one.
    internal static double[] EventWeights(FeatureTable table, string path)
    {
        SideChannel? channel = table.SideChannels.FirstOrDefault(c => string.Equals(c.Name, "weight", StringComparison.OrdinalIgnoreCase) || string.Equals(c.Name, "event_weight", StringComparison.OrdinalIgnoreCase));
        if (channel is null)
        {
            return [.. Enumerable.Repeat(1.0, table.RowCount)];
        }

        return [.. channel.Values.Select((t, i) => double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out double w) && double.IsFinite(w)
            ? w
            : throw new Sieve.Core.Errors.SieveDataException(path, i + 2L, channel.Name, $"weight '{t}' is not a number", "a finite number"))];
    }

    // A scores file like `sieve score`'s: event_id, process_id, score_classifier, weight, multiplicity.
    internal static void WriteScores(string path, FeatureTable table, int[] rows, int offset, double[] scores, double[] weights, float[]? mask, int f, string process)
    {
        IReadOnlyList<string>? ids = table.SideChannels.FirstOrDefault(c => c.Name.Equals("eventid", StringComparison.OrdinalIgnoreCase) || c.Name.Equals("event_id", StringComparison.OrdinalIgnoreCase))?.Values;
        int jets = table.IndexOf("PRI_jet_num");
        IReadOnlyList<string>? jetText = table.SideChannels.FirstOrDefault(c => c.Name.Contains("jet_num", StringComparison.OrdinalIgnoreCase))?.Values;
        var text = new StringBuilder($"{ScoreWorkflow.IdColumn},{ScoreWorkflow.ProcessColumn},score_{ScoreName},{ScoreWorkflow.WeightColumn},{ScoreWorkflow.MultiplicityColumn}\n");
        for (int i = 0; i < rows.Length; i++)
        {
            int r = rows[i] - offset;
            // Multiplicity as `sieve score` takes it: a jet_num column, else the present features of the row.
            string multiplicity = jets >= 0 ? table.Values[(r * f) + jets].ToString(CultureInfo.InvariantCulture)
                : jetText is not null ? jetText[r]
                : (mask is null ? f : Enumerable.Range(0, f).Sum(k => mask[(rows[i] * f) + k])).ToString(CultureInfo.InvariantCulture);
            text.Append(CultureInfo.InvariantCulture, $"{ids?[r] ?? r.ToString(CultureInfo.InvariantCulture)},{process},{(float)scores[i]:R},{weights[rows[i]]:R},{multiplicity}\n");
        }

        AtomicFile.WriteAllText(path, text.ToString());
    }
}
