using System.Text.Json;
using Sieve.Core.Synthetic;
using Sieve.IO.Tables;
using Sieve.Models.Training;
using Sieve.Pipeline;

namespace Sieve.Cli.Tests;

/// <summary>
/// `sieve train` cannot fail silently: a diverging loss stops it with exit code 1, and an interrupted
/// run continues with --resume to the weights of a run that was never interrupted.
/// </summary>
[Collection(SerialDecoding.Name)]
public sealed class TrainingGuardTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("sieve-guard-").FullName;

    public TrainingGuardTests()
    {
        Csv = Path.Combine(dir, "jets.csv");
        CsvTableWriter.Write(Csv, SyntheticJets.Generate(2000, 3));
    }

    private string Csv { get; }

    public void Dispose() => Directory.Delete(dir, recursive: true);

    [Fact]
    public void A_learning_rate_that_blows_up_at_once_exits_1_and_leaves_no_model_not_even_an_older_one()
    {
        string model = Path.Combine(dir, "model");
        Assert.Equal(0, Train("--epochs", "1", "--out", model).Code);
        Assert.True(File.Exists(Path.Combine(model, "model.json")));

        (int code, string text) = Train("--learning-rate", "1000", "--epochs", "5", "--out", model);
        Assert.Equal(1, code);
        Assert.Contains("training diverged at epoch 1", text, StringComparison.Ordinal);
        Assert.Contains("lower the learning rate (it was 1000)", text, StringComparison.Ordinal);
        Assert.Contains("no model was written", text, StringComparison.Ordinal);
        Assert.DoesNotContain("model written", text, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(model, "model.json")), "the earlier run's model would pass for this one's");
        Assert.Equal(2, File.ReadAllLines(Path.Combine(model, TrainWorkflow.HistoryFile)).Length);   // header + the diverged epoch
    }

    [Fact]
    public void Two_epochs_resumed_to_four_give_the_weights_of_four_uninterrupted()
    {
        string whole = Path.Combine(dir, "whole"), split = Path.Combine(dir, "split");
        Assert.Equal(0, Train("--epochs", "4", "--out", whole).Code);
        Assert.Equal(0, Train("--epochs", "2", "--out", split).Code);
        Assert.NotEqual(WeightsHash(whole), WeightsHash(split));

        (int code, string text) = CliRunner.Run("train", "--resume", split, "--epochs", "4");
        Assert.True(code == 0, text);
        Assert.Equal(WeightsHash(whole), WeightsHash(split));
        Assert.Equal(5, File.ReadAllLines(Path.Combine(split, TrainWorkflow.HistoryFile)).Length);

        (code, text) = CliRunner.Run("train", "--resume", split);
        Assert.Equal(1, code);
        Assert.Contains("nothing to resume: training finished 4 epochs, and 4 are planned", text, StringComparison.Ordinal);
        (code, text) = CliRunner.Run("train", "--resume", split, "--seed", "5");
        Assert.Equal(1, code);
        Assert.Contains("--seed cannot be changed", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_run_cancelled_after_epoch_2_resumes_to_the_uninterrupted_weights_and_refuses_a_changed_input()
    {
        string whole = Path.Combine(dir, "whole"), cut = Path.Combine(dir, "cut");
        TrainRequest Request(string output) => new(new InputRequest(Csv), output, "small", null, null, Sieve.Core.Normalisation.NormalisationKind.Jet,
            new TrainerOptions { Epochs = 4, BatchSize = 128, Seed = 8, Device = "cpu" });
        TrainWorkflow.Run(Request(whole));

        using var cancel = new CancellationTokenSource();
        var stopAfterTwo = new Stopper(r =>
        {
            if (r.Epoch == 2)
            {
                cancel.Cancel();
            }
        });
        Assert.Throws<OperationCanceledException>(() => TrainWorkflow.Run(Request(cut), stopAfterTwo, cancel.Token));
        Assert.True(File.Exists(Path.Combine(cut, "checkpoint.zip")));

        File.AppendAllText(Csv, "1,2,3,4\n");
        var changed = Assert.Throws<InvalidDataException>(() => TrainWorkflow.Resume(cut));
        Assert.Contains("changed since the training started", changed.Message, StringComparison.Ordinal);
        File.WriteAllLines(Csv, File.ReadAllLines(Csv)[..^1]);

        TrainOutcome resumed = TrainWorkflow.Resume(cut);
        Assert.Equal(4, resumed.Result.History.Count);
        Assert.Equal(WeightsHash(whole), WeightsHash(cut));
    }

    private (int Code, string Text) Train(params string[] args) =>
        CliRunner.Run(["train", "--input", Csv, "--columns", "m,pt,phi,eta", "--preset", "small", "--batch-size", "128", .. args]);

    private static string WeightsHash(string model)
    {
        using JsonDocument manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(model, "model.json")));
        return manifest.RootElement.GetProperty("weights_sha256").GetString()!;
    }

    /// <summary>Reports synchronously, so the run is cancelled before its next epoch starts.</summary>
    private sealed class Stopper(Action<EpochReport> onEpoch) : IProgress<EpochReport>
    {
        public void Report(EpochReport value) => onEpoch(value);
    }
}
