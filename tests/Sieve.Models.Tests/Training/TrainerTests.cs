using Sieve.Core.Normalisation;
using Sieve.Core.Synthetic;
using Sieve.Core.Tables;
using Sieve.Models.Autoencoders;
using Sieve.Models.Checkpoints;
using Sieve.Models.Training;

namespace Sieve.Models.Tests.Training;

[Collection(SerialTraining.Name)]
public sealed class TrainerTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("sieve-train-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    [Fact]
    public void Loss_falls_and_best_weights_are_kept()
    {
        (float[] train, float[] val) = Data(3000);
        Trainer.Seed(3);
        using var model = new DenseAutoencoder(ModelCatalogue.Create("small", 4));
        var options = new TrainerOptions { Epochs = 15, BatchSize = 128, LearningRate = 3e-3, Seed = 3, Device = "cpu" };
        var reports = new List<EpochReport>();
        TrainingResult result = Trainer.Train(model, train, val, options, epochCompleted: reports.Add);

        Assert.Equal(reports.Count, result.History.Count);
        Assert.True(result.History[^1].TrainLoss < result.History[0].TrainLoss / 3, $"train loss {result.History[0].TrainLoss} -> {result.History[^1].TrainLoss}");
        double best = result.History.Where(r => !double.IsNaN(r.ValidationLoss)).Min(r => r.ValidationLoss);
        Assert.Equal(best, result.BestValidationLoss, 12);

        // The returned model holds the best epoch's weights: its validation loss equals the best one.
        using var v = TorchSharp.torch.tensor(val, [val.Length / 4, 4]);
        Assert.Equal(best, Trainer.Evaluate(model, v), 5);
    }

    [Fact]
    public void Same_seed_gives_the_same_history()
    {
        (float[] train, float[] val) = Data(1000);
        var options = new TrainerOptions { Epochs = 3, BatchSize = 64, Seed = 11, Device = "cpu" };
        double[] Run()
        {
            Trainer.Seed(11);
            using var model = new DenseAutoencoder(ModelCatalogue.Create("small", 4));
            return Trainer.Train(model, train, val, options).History.Select(h => h.ValidationLoss).ToArray();
        }

        Assert.Equal(Run(), Run());
    }

    [Fact]
    public void Checkpoint_round_trip_reproduces_the_model_and_detects_corrupt_weights()
    {
        (float[] train, float[] val) = Data(500);
        Trainer.Seed(5);
        using var model = new DenseAutoencoder(ModelCatalogue.Create("small", 4, 2));
        var options = new TrainerOptions { Epochs = 2, Device = "cpu" };
        TrainingResult result = Trainer.Train(model, train, val, options);
        FeatureTable table = SyntheticJets.Generate(10, 1);
        var manifest = new ModelManifest
        {
            Tool = "sieve test",
            Preset = "small",
            Architecture = model.Options,
            Normaliser = NormaliserFitter.Fit(NormalisationKind.ZScore, table, 1.0),
            Schema = new InputSchema(InputFormat.Csv, SyntheticJets.Features, EnergyUnit.GeV),
            Training = options,
            Result = new TrainingSummary(result.BestEpoch, result.History.Count, result.BestValidationLoss, result.TrainRows, result.ValidationRows, "synthetic"),
            WeightsSha256 = string.Empty,
        };
        ModelManifest saved = ModelCheckpoint.Save(dir, model, manifest);
        Assert.Equal(64, saved.WeightsSha256.Length);

        (IAutoencoder loaded, ModelManifest readBack) = ModelCheckpoint.Load(dir);
        using (loaded)
        {
            Assert.Equal(saved.WeightsSha256, readBack.WeightsSha256);
            Assert.Equal(manifest.Normaliser.Transforms, readBack.Normaliser.Transforms);
            Assert.Equal(model.Options.HiddenWidths, readBack.Architecture.HiddenWidths);
            using var x = TorchSharp.torch.tensor(val, [val.Length / 4, 4]);
            model.eval();
            using var a = model.Reconstruct(x);
            using var b = loaded.Reconstruct(x);
            Assert.Equal(a.data<float>().ToArray(), b.data<float>().ToArray());
        }

        string weights = Path.Combine(dir, saved.WeightsFile);
        byte[] bytes = File.ReadAllBytes(weights);
        bytes[bytes.Length / 2] ^= 0x40;
        File.WriteAllBytes(weights, bytes);
        var e = Assert.Throws<InvalidDataException>(() => ModelCheckpoint.Load(dir));
        Assert.Contains("checksum", e.Message, StringComparison.Ordinal);
    }

    private static (float[] Train, float[] Validation) Data(int n)
    {
        FeatureTable table = SyntheticJets.Generate(n, 99);
        FeatureNormaliser normaliser = NormaliserFitter.Fit(NormalisationKind.Jet, table, 1.0);
        DataSplit split = DataSplit.Create(n, 0.2, 1);
        return (normaliser.Transform(DataSplit.Rows(table, split.Train)), normaliser.Transform(DataSplit.Rows(table, split.Validation)));
    }
}
