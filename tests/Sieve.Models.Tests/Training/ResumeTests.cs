using Sieve.Models.Autoencoders;
using Sieve.Models.Checkpoints;
using Sieve.Models.Training;

namespace Sieve.Models.Tests.Training;

/// <summary>
/// A training interrupted after epoch 2 and resumed from its checkpoint reaches bit for bit the
/// weights, losses and optimiser state of a run that was never interrupted.
/// </summary>
[Collection(SerialTraining.Name)]
public sealed class ResumeTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("sieve-resume-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]  // a VAE also draws its noise from the global generator
    public void Two_epochs_then_resume_to_four_equals_four_uninterrupted(bool variational)
    {
        (float[] train, float[] val) = DivergenceGuardTests.Data(1200);
        var options = new TrainerOptions { Epochs = 4, BatchSize = 64, LearningRate = 3e-3, Seed = 9, Device = "cpu" };
        IAutoencoder Fresh()
        {
            Trainer.Seed(options.Seed);
            DenseAutoencoderOptions shape = ModelCatalogue.Create("small", 4);
            return variational ? new VariationalAutoencoder(shape, new VariationalOptions()) : new DenseAutoencoder(shape);
        }

        TrainingCheckpoint? whole = null;
        TrainingResult wholeResult;
        byte[] wholeWeights;
        using (IAutoencoder model = Fresh())
        {
            wholeResult = Trainer.Train(model, new TrainingSet(train), new TrainingSet(val), options, checkpointReady: c => whole = c);
            wholeWeights = TensorDictionary.ToBytes(model.Module.state_dict());
        }

        // Interrupted: cancelled once epoch 2 is done; its checkpoint goes through a file, as on disk.
        string path = Path.Combine(dir, TrainingCheckpoint.FileName);
        using var cancel = new CancellationTokenSource();
        using (IAutoencoder model = Fresh())
        {
            Assert.Throws<OperationCanceledException>(() => Trainer.Train(model, new TrainingSet(train), new TrainingSet(val), options,
                epochCompleted: r =>
                {
                    if (r.Epoch == 2)
                    {
                        cancel.Cancel();
                    }
                },
                cancellation: cancel.Token, checkpointReady: c => c.Save(path)));
        }

        TrainingCheckpoint atTwo = TrainingCheckpoint.Load(path);
        Assert.Equal(2, atTwo.State.EpochsDone);
        Assert.NotEqual(whole!.Weights, atTwo.Weights);

        TrainingCheckpoint? resumed = null;
        TrainingResult resumedResult;
        byte[] resumedWeights;
        using (IAutoencoder model = Fresh())
        {
            resumedResult = Trainer.Train(model, new TrainingSet(train), new TrainingSet(val), options, resumeFrom: atTwo, checkpointReady: c => resumed = c);
            resumedWeights = TensorDictionary.ToBytes(model.Module.state_dict());
        }

        Assert.Equal(4, resumed!.State.EpochsDone);
        Assert.Equal(whole.Weights, resumed.Weights);                 // the last epoch's weights
        Assert.Equal(whole.Optimiser, resumed.Optimiser);             // Adam's moments and step count
        Assert.Equal(wholeWeights, resumedWeights);                   // the best epoch's, as returned
        Assert.Equal(wholeResult.BestEpoch, resumedResult.BestEpoch);
        Assert.Equal(wholeResult.History.Select(h => (h.TrainLoss, h.ValidationLoss, h.LearningRate)),
            resumedResult.History.Select(h => (h.TrainLoss, h.ValidationLoss, h.LearningRate)));
    }

    [Fact]
    public void A_finished_run_has_nothing_to_resume_unless_epochs_are_added()
    {
        (float[] train, float[] val) = DivergenceGuardTests.Data(400);
        var options = new TrainerOptions { Epochs = 2, Seed = 3, Device = "cpu" };
        TrainingCheckpoint? last = null;
        Trainer.Seed(3);
        using var model = new DenseAutoencoder(ModelCatalogue.Create("small", 4));
        Trainer.Train(model, new TrainingSet(train), new TrainingSet(val), options, checkpointReady: c => last = c);
        Assert.True(last!.State.Finished);
        var e = Assert.Throws<ArgumentException>(() => Trainer.Train(model, new TrainingSet(train), new TrainingSet(val), options, resumeFrom: last));
        Assert.Contains("nothing to resume", e.Message, StringComparison.Ordinal);

        TrainingResult more = Trainer.Train(model, new TrainingSet(train), new TrainingSet(val), options with { Epochs = 3 }, resumeFrom: last);
        Assert.Equal([1, 2, 3], more.History.Select(h => h.Epoch));
    }

    [Fact]
    public void A_damaged_checkpoint_is_refused_with_its_name()
    {
        string path = Path.Combine(dir, TrainingCheckpoint.FileName);
        File.WriteAllBytes(path, [1, 2, 3, 4]);
        var e = Assert.Throws<InvalidDataException>(() => TrainingCheckpoint.Load(path));
        Assert.Contains(path, e.Message, StringComparison.Ordinal);

        // A flipped bit inside a stored part: the part's hash no longer matches.
        var state = new TrainerState(1, 1e-3, 0.5, 1, 0, 1, 1, 1, false, false, []);
        byte[] weights = new byte[4096];
        new Random(1).NextBytes(weights);
        new TrainingCheckpoint(state, weights, null, [1, 2, 3], [4, 5], [6, 7]).Save(path);
        Assert.Equal(weights, TrainingCheckpoint.Load(path).Weights);
        using (var zip = System.IO.Compression.ZipFile.Open(path, System.IO.Compression.ZipArchiveMode.Update))
        {
            System.IO.Compression.ZipArchiveEntry entry = zip.GetEntry("weights.bin")!;
            weights[100] ^= 0x01;
            entry.Delete();
            using Stream stream = zip.CreateEntry("weights.bin").Open();
            stream.Write(weights);
        }

        e = Assert.Throws<InvalidDataException>(() => TrainingCheckpoint.Load(path));
        Assert.Contains("weights.bin does not match its SHA-256", e.Message, StringComparison.Ordinal);
    }
}
