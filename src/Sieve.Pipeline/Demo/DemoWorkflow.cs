using Sieve.Core.Metrics;
using Sieve.Core.Normalisation;
using Sieve.Core.Synthetic;
using Sieve.Core.Tables;
using Sieve.Core.Layouts;
using Sieve.IO.DarkMachines;
using Sieve.IO.Tables;
using Sieve.Models.Autoencoders;
using Sieve.Models.Training;

namespace Sieve.Pipeline;

/// <summary>
/// demo: the whole path on a built-in synthetic jet sample (no download): generate train and test
/// CSVs -> train the 4 -> 3 jet AE -> compress the test file -> decompress -> evaluate.
/// Every file it writes is labelled synthetic.
/// </summary>
public static class DemoWorkflow
{
    /// <summary>Settings of the demo; the defaults run in well under a minute on two cores.</summary>
    /// <param name="OutputDirectory">Where everything goes.</param>
    /// <param name="TrainRows">Synthetic training jets.</param>
    /// <param name="TestRows">Synthetic test jets.</param>
    /// <param name="Epochs">Training epochs.</param>
    /// <param name="AnomalyEvents">Synthetic background events for the anomaly part (half train, half test); 0 skips it.</param>
    public sealed record Options(string OutputDirectory, int TrainRows = 20000, int TestRows = 5000, int Epochs = 25, int AnomalyEvents = 8000);

    /// <summary>What the demo produced.</summary>
    /// <param name="Train">Training outcome.</param>
    /// <param name="Compress">Compression outcome.</param>
    /// <param name="Report">Fidelity report.</param>
    /// <param name="ReportDirectory">Where report.json and the plots are.</param>
    /// <param name="Anomaly">Anomaly-detection report of the planted signal, when run.</param>
    /// <param name="AnomalyDirectory">Where its index.html and plots are.</param>
    /// <param name="Images">Anomaly-detection report of the convolutional VAE on calorimeter-region images, when run.</param>
    /// <param name="ImagesDirectory">Where its index.html, plots and the reconstruction pictures are.</param>
    public sealed record Outcome(TrainOutcome Train, CompressOutcome Compress, FidelityReport Report, string ReportDirectory,
        Sieve.Core.Metrics.AnomalyDetection.AnomalyReport? Anomaly = null, string? AnomalyDirectory = null,
        Sieve.Core.Metrics.AnomalyDetection.AnomalyReport? Images = null, string? ImagesDirectory = null);

    /// <summary>Runs the demo.</summary>
    public static Outcome Run(Options options, IProgress<EpochReport>? progress = null, Action<string>? step = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        string root = options.OutputDirectory;
        string data = Path.Combine(root, "data");
        Directory.CreateDirectory(data);
        string trainCsv = Path.Combine(data, "synthetic-jets-train.csv");
        string testCsv = Path.Combine(data, "synthetic-jets-test.csv");
        step?.Invoke($"generating {options.TrainRows} + {options.TestRows} synthetic jets (m, pt, phi, eta in GeV) in {data}");
        CsvTableWriter.Write(trainCsv, SyntheticJets.Generate(options.TrainRows, seed: 1));
        CsvTableWriter.Write(testCsv, SyntheticJets.Generate(options.TestRows, seed: 2, firstIndex: options.TrainRows));

        string model = Path.Combine(root, "model");
        step?.Invoke($"training the hepae-4d autoencoder (4 -> 200 -> 100 -> 50 -> 3, tanh) for up to {options.Epochs} epochs");
        var columns = SyntheticJets.Features;
        TrainOutcome train = TrainWorkflow.Run(
            new TrainRequest(new InputRequest(trainCsv, InputFormat.Csv, columns, EnergyUnit.GeV), model, "hepae-4d", 3, null, NormalisationKind.Jet,
                new TrainerOptions { Epochs = options.Epochs, BatchSize = 256, LearningRate = 2e-3, Device = "cpu" }, Synthetic: true),
            progress);

        string archive = Path.Combine(root, "synthetic-jets-test.sieve");
        step?.Invoke($"compressing {testCsv}");
        CompressOutcome compress = CompressWorkflow.Run(model, testCsv, archive);

        string decompressed = Path.Combine(root, "synthetic-jets-test.decompressed.csv");
        step?.Invoke($"decompressing to {decompressed}");
        DecompressWorkflow.Run(archive, model, decompressed);

        string reportDir = Path.Combine(root, "report");
        step?.Invoke($"evaluating fidelity into {reportDir}");
        (FidelityReport report, _) = EvaluateWorkflow.Run(new EvaluateRequest(testCsv, decompressed, reportDir, columns, EnergyUnit.GeV, InputFormat.Csv, archive, model, Synthetic: true));
        if (options.AnomalyEvents <= 0)
        {
            return new Outcome(train, compress, report, reportDir);
        }

        (var anomaly, string anomalyDir) = RunAnomaly(options, data, progress, step);
        (var images, string imagesDir) = RunImages(options, data, progress, step);
        return new Outcome(train, compress, report, reportDir, anomaly, anomalyDir, images, imagesDir);
    }

    // The second job: train on background events only, score held-out background and a planted
    // signal (a dijet resonance with some MET), and evaluate the separation.
    private static (Sieve.Core.Metrics.AnomalyDetection.AnomalyReport Report, string Directory) RunAnomaly(
        Options options, string data, IProgress<EpochReport>? progress, Action<string>? step)
    {
        string root = options.OutputDirectory;
        int half = options.AnomalyEvents / 2;
        string bgTrain = Path.Combine(data, "synthetic-events-background-train.csv");
        string bgTest = Path.Combine(data, "synthetic-events-background-test.csv");
        string signal = Path.Combine(data, "synthetic-events-signal.csv");
        step?.Invoke($"anomaly detection: generating {half} + {half} background events and {Math.Max(1, half / 4)} events of a planted dijet-resonance signal (DarkMachines format)");
        DarkMachinesWriter.Write(bgTrain, SyntheticEvents.Generate(half, seed: 11, signal: false));
        DarkMachinesWriter.Write(bgTest, SyntheticEvents.Generate(half, seed: 12, signal: false));
        DarkMachinesWriter.Write(signal, SyntheticEvents.Generate(Math.Max(1, half / 4), seed: 13, signal: true));

        string model = Path.Combine(root, "anomaly-model");
        step?.Invoke("training a VAE on background only (fixed slots per object kind, masked loss)");
        TrainWorkflow.Run(
            new TrainRequest(new InputRequest(bgTrain, InputFormat.DarkMachines, Layout: LayoutKind.FixedSlots), model, "small", 4, null, NormalisationKind.LogZScore,
                new TrainerOptions { Epochs = options.Epochs, BatchSize = 128, LearningRate = 2e-3, Device = "cpu", Threads = 1 }, Synthetic: true,
                Variational: new VariationalOptions(Beta: 0.5)),
            progress);

        string bgScores = Path.Combine(root, "anomaly-background-scores.csv");
        string signalScores = Path.Combine(root, "anomaly-signal-scores.csv");
        step?.Invoke("scoring held-out background and signal");
        ScoreWorkflow.Run(model, bgTest, bgScores);
        ScoreWorkflow.Run(model, signal, signalScores);
        string dir = Path.Combine(root, "anomaly");
        step?.Invoke($"evaluating the separation into {dir}");
        (var report, _) = RocWorkflow.Run(new RocRequest(bgScores, [signalScores], "recon", dir, Synthetic: true, LossHistory: Path.Combine(model, TrainWorkflow.HistoryFile)));
        return (report, dir);
    }

    // The third job: the same events as calorimeter-region images (14 eta x 18 phi, pT per region), a
    // convolutional VAE trained on background images, the separation of the signal, and pictures of
    // what the model does to the images.
    private static (Sieve.Core.Metrics.AnomalyDetection.AnomalyReport Report, string Directory) RunImages(
        Options options, string data, IProgress<EpochReport>? progress, Action<string>? step)
    {
        string root = options.OutputDirectory;
        var npy = new Dictionary<string, string>();
        foreach (string name in new[] { "background-train", "background-test", "signal" })
        {
            npy[name] = Path.Combine(data, $"synthetic-regions-{name}.npy");
            Images.ImagesWorkflow.Run(new Images.ImagesRequest(Path.Combine(data, $"synthetic-events-{name}.csv"), Images.ImageKind.Regions, npy[name]) { Format = InputFormat.DarkMachines });
        }

        step?.Invoke("images: the events as 14 x 18 calorimeter-region images; training a convolutional VAE (conv-cicada) on background images");
        string model = Path.Combine(root, "image-model");
        TrainWorkflow.Run(
            new TrainRequest(new InputRequest(npy["background-train"], InputFormat.Npy), model, "conv-cicada", 8, null, NormalisationKind.Image,
                new TrainerOptions { Epochs = Math.Min(options.Epochs, 15), BatchSize = 128, LearningRate = 2e-3, Device = "cpu" }, Synthetic: true,
                Variational: new VariationalOptions(Beta: 0.1)),
            progress);
        string bgScores = Path.Combine(root, "image-background-scores.csv");
        string signalScores = Path.Combine(root, "image-signal-scores.csv");
        ScoreWorkflow.Run(model, npy["background-test"], bgScores);
        ScoreWorkflow.Run(model, npy["signal"], signalScores);
        string dir = Path.Combine(root, "images");
        step?.Invoke($"evaluating the image model's separation and drawing its reconstructions into {dir}");
        (var report, _) = RocWorkflow.Run(new RocRequest(bgScores, [signalScores], "recon", dir, Synthetic: true, LossHistory: Path.Combine(model, TrainWorkflow.HistoryFile)));
        Images.ReconstructionWorkflow.Run(new Images.ReconstructionRequest(model, npy["signal"], Path.Combine(dir, "reconstructions"), [0, 1, 2], TraversalDimensions: 3));
        return (report, dir);
    }
}
