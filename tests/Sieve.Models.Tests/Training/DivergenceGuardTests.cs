using Sieve.Core.Normalisation;
using Sieve.Core.Synthetic;
using Sieve.Core.Tables;
using Sieve.Models.Autoencoders;
using Sieve.Models.Checkpoints;
using Sieve.Models.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Sieve.Models.Tests.Training;

/// <summary>
/// The trainer stops when the loss diverges and keeps the best epoch before it; it never hands out
/// the weights or a checkpoint of the diverged epoch.
/// </summary>
public class DivergenceGuardTests
{
    [Theory]
    [InlineData(1e6, "above 1000 x the initialised model's")]
    [InlineData(double.NaN, "loss is NaN")]
    public void A_blown_up_epoch_stops_training_and_the_last_good_epoch_is_kept(double sabotage, string message)
    {
        (float[] train, float[] val) = Data(1500);
        Trainer.Seed(4);
        using var model = new SabotagedAutoencoder(ModelCatalogue.Create("small", 4));
        var checkpoints = new List<TrainingCheckpoint>();
        var options = new TrainerOptions { Epochs = 10, BatchSize = 128, LearningRate = 3e-3, Seed = 4, Device = "cpu" };
        TrainingResult result = Trainer.Train(model, new TrainingSet(train), new TrainingSet(val), options,
            epochCompleted: r => model.Factor = r.Epoch == 3 ? sabotage : 1, checkpointReady: checkpoints.Add);

        Assert.NotNull(result.Divergence);
        Assert.Equal(4, result.Divergence!.Epoch);
        Assert.Equal("training", result.Divergence.Split);
        Assert.Contains(message, result.Divergence.Message, StringComparison.Ordinal);
        Assert.Equal(4, result.History.Count);
        Assert.False(result.History[^1].IsBest);
        Assert.InRange(result.BestEpoch, 1, 3);

        // Checkpoints of epochs 1 to 3 only, and the returned weights are the best good epoch's.
        Assert.Equal([1, 2, 3], checkpoints.Select(c => c.State.EpochsDone));
        model.Factor = 1;
        using Tensor v = torch.tensor(val, [val.Length / 4, 4]);
        Assert.Equal(result.BestValidationLoss, Trainer.Evaluate(model, v), 5);
        Assert.Equal(checkpoints[^1].BestWeights, TensorDictionary.ToBytes(model.Module.state_dict()));
    }

    [Fact]
    public void A_loss_that_grows_past_the_factor_without_overflowing_is_divergence_and_the_factor_is_an_option()
    {
        (float[] train, float[] val) = Data(800);
        TrainingResult Run(double divergenceFactor)
        {
            Trainer.Seed(6);
            using var model = new SabotagedAutoencoder(ModelCatalogue.Create("small", 4));
            var options = new TrainerOptions { Epochs = 3, BatchSize = 128, Seed = 6, Device = "cpu", DivergenceFactor = divergenceFactor };
            return Trainer.Train(model, new TrainingSet(train), new TrainingSet(val), options, epochCompleted: r => model.Factor = r.Epoch == 1 ? 50 : 1);
        }

        // x50 loss in epoch 2: past a factor of 20, inside 1000 (the default).
        TrainingResult strict = Run(20);
        Assert.Equal(2, strict.Divergence?.Epoch);
        Assert.Equal(1, strict.BestEpoch);
        TrainingResult lenient = Run(1000);
        Assert.Null(lenient.Divergence);
        Assert.Equal(3, lenient.History.Count);
    }

    [Fact]
    public void An_unstable_run_that_ends_far_above_its_first_epoch_is_warned_about()
    {
        (float[] train, float[] val) = Data(800);
        Trainer.Seed(7);
        using var model = new SabotagedAutoencoder(ModelCatalogue.Create("small", 4));
        var options = new TrainerOptions { Epochs = 3, BatchSize = 128, Seed = 7, Device = "cpu" };
        TrainingResult result = Trainer.Train(model, new TrainingSet(train), new TrainingSet(val), options, epochCompleted: r => model.Factor = r.Epoch == 2 ? 100 : 1);
        Assert.Null(result.Divergence);
        string warning = Assert.Single(result.Warnings, w => w.Contains("unstable", StringComparison.Ordinal));
        Assert.Contains("epoch 3", warning, StringComparison.Ordinal);

        Trainer.Seed(7);
        using var calm = new DenseAutoencoder(ModelCatalogue.Create("small", 4));
        Assert.Empty(Trainer.Train(calm, train, val, options).Warnings);
    }

    [Fact]
    public void Bad_factors_are_refused()
    {
        Assert.Throws<ArgumentException>(() => new TrainerOptions { DivergenceFactor = 0.5 }.Validate());
        Assert.Throws<ArgumentException>(() => new TrainerOptions { DivergenceFactor = double.PositiveInfinity }.Validate());
        Assert.Throws<ArgumentException>(() => new TrainerOptions { CheckpointEvery = 0 }.Validate());
        new TrainerOptions { DivergenceFactor = 0 }.Validate();
    }

    internal static (float[] Train, float[] Validation) Data(int n)
    {
        FeatureTable table = SyntheticJets.Generate(n, 98);
        FeatureNormaliser normaliser = NormaliserFitter.Fit(NormalisationKind.Jet, table, 1.0);
        DataSplit split = DataSplit.Create(n, 0.2, 1);
        return (normaliser.Transform(DataSplit.Rows(table, split.Train)), normaliser.Transform(DataSplit.Rows(table, split.Validation)));
    }

    /// <summary>A dense autoencoder whose loss the test multiplies, to make an epoch diverge on cue.</summary>
    private sealed class SabotagedAutoencoder(DenseAutoencoderOptions shape) : IAutoencoder, ITrainingObjective
    {
        private readonly DenseAutoencoder inner = new(shape);

        public double Factor { get; set; } = 1;

        public int InputSize => inner.InputSize;

        public int LatentSize => inner.LatentSize;

        public nn.Module Module => inner.Module;

        public Tensor Encode(Tensor features) => inner.Encode(features);

        public Tensor Decode(Tensor latent) => inner.Decode(latent);

        public Tensor Reconstruct(Tensor features) => inner.Reconstruct(features);

        public Tensor TrainingLoss(Tensor features, Tensor weights, Tensor? mask)
        {
            using Tensor loss = ReconstructionLoss.Compute(inner.Reconstruct(features), features, weights, mask);
            return loss * Factor;
        }

        public void Dispose() => inner.Dispose();
    }
}
