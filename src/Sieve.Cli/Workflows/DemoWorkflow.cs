using Sieve.Core.Metrics;
using Sieve.Core.Normalisation;
using Sieve.Core.Synthetic;
using Sieve.Core.Tables;
using Sieve.IO.Tables;
using Sieve.Models.Training;

namespace Sieve.Cli.Workflows;

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
    public sealed record Options(string OutputDirectory, int TrainRows = 20000, int TestRows = 5000, int Epochs = 25);

    /// <summary>What the demo produced.</summary>
    /// <param name="Train">Training outcome.</param>
    /// <param name="Compress">Compression outcome.</param>
    /// <param name="Report">Fidelity report.</param>
    /// <param name="ReportDirectory">Where report.json and the plots are.</param>
    public sealed record Outcome(TrainOutcome Train, CompressOutcome Compress, FidelityReport Report, string ReportDirectory);

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
        return new Outcome(train, compress, report, reportDir);
    }
}
