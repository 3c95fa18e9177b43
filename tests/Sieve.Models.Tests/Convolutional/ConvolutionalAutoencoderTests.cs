using Sieve.Models.Autoencoders;
using Sieve.Models.Checkpoints;
using Sieve.Models.Convolutional;
using Sieve.Models.Scoring;
using Sieve.Models.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Sieve.Models.Tests.Convolutional;

[Collection(Training.SerialTraining.Name)]
public class ConvolutionalAutoencoderTests
{
    [Theory]
    [InlineData(1, 18, 14, "conv-cicada")]
    [InlineData(3, 25, 25, "conv-genie")]
    [InlineData(2, 7, 5, "conv-cicada")]
    public void Reconstructs_images_of_any_size_to_their_own_size(int c, int h, int w, string preset)
    {
        Trainer.Seed(1);
        ConvolutionalOptions options = ConvolutionalCatalogue.Create(preset, c, h, w, latentSize: 6, ImageLoss.Mse);
        using var model = new ConvolutionalAutoencoder(options);
        using var noGrad = torch.no_grad();
        using Tensor x = torch.rand(4, c * h * w);
        using Tensor z = model.Encode(x);
        using Tensor back = model.Reconstruct(x);
        Assert.Equal([4L, 6L], z.shape);
        Assert.Equal([4L, (long)(c * h * w)], back.shape);
        Assert.True(model.Accepts(Sieve.Core.Tables.RowShape.Image(c, h, w)));
        Assert.False(model.Accepts(Sieve.Core.Tables.RowShape.Image(c, w, h == w ? h + 1 : h)));
    }

    [Fact]
    public void The_bce_model_reconstructs_intensities_in_the_unit_interval()
    {
        Trainer.Seed(2);
        using var model = new ConvolutionalAutoencoder(new ConvolutionalOptions(1, 9, 9, [4], 3, ImageLoss.Bce));
        using var noGrad = torch.no_grad();
        using Tensor x = torch.rand(16, 81) * 3;
        float[] r = model.Reconstruct(x).data<float>().ToArray();
        Assert.All(r, v => Assert.InRange(v, 0f, 1f));
    }

    [Fact]
    public void Vae_scores_follow_their_formulas_from_the_encoder()
    {
        Trainer.Seed(3);
        using var model = new ConvolutionalAutoencoder(new ConvolutionalOptions(1, 8, 6, [4, 8], 3), new VariationalOptions());
        model.eval();
        using var noGrad = torch.no_grad();
        using Tensor x = torch.rand(5, 48);
        (Tensor mu, Tensor? logVar) = model.EncodeDistribution(x);
        float[] m = mu.data<float>().ToArray(), lv = logVar!.data<float>().ToArray();
        float[] kl = model.KlDivergence(x).data<float>().ToArray(), rz = model.LatentScore(x).data<float>().ToArray();
        for (int i = 0; i < 5; i++)
        {
            double expectedKl = 0, expectedRz = 0;
            for (int k = 0; k < 3; k++)
            {
                double a = m[(i * 3) + k], b = lv[(i * 3) + k];
                expectedKl += 0.5 * ((a * a) + Math.Exp(b) - 1 - b);
                expectedRz += a * a / Math.Exp(b);
            }

            Assert.Equal(expectedKl, kl[i], 4);
            Assert.Equal(expectedRz, rz[i], 4);
        }

        using var plain = new ConvolutionalAutoencoder(new ConvolutionalOptions(1, 8, 6, [4], 3));
        Assert.False(plain.HasLatentDistribution);
        Assert.Throws<InvalidOperationException>(() => plain.KlDivergence(x));
    }

    [Fact]
    public void Training_lowers_the_loss_and_a_saved_model_scores_the_same()
    {
        // Blobs at random places on a 10 x 8 grid: something a small conv AE can learn in a few epochs.
        var random = new Random(4);
        const int n = 600, h = 10, w = 8;
        var rows = new float[n * h * w];
        for (int i = 0; i < n; i++)
        {
            int y = random.Next(1, h - 1), x = random.Next(1, w - 1);
            for (int dy = -1; dy <= 1; dy++)
            {
                for (int dx = -1; dx <= 1; dx++)
                {
                    rows[(i * h * w) + ((y + dy) * w) + x + dx] = dy == 0 && dx == 0 ? 1f : 0.3f;
                }
            }
        }

        Trainer.Seed(4);
        var shape = new ConvolutionalOptions(1, h, w, [8, 16], 4);
        using var model = new ConvolutionalAutoencoder(shape, new VariationalOptions(0.01));
        TrainingResult result = Trainer.Train(model, rows, rows, new TrainerOptions { Epochs = 20, BatchSize = 32, LearningRate = 3e-3, Seed = 4 });

        // Against the best image-blind answer, the mean image (its MSE is the pixels' mean variance):
        // a model that learned where the blob is does much better.
        double meanImageMse = Enumerable.Range(0, h * w).Average(p =>
        {
            double mean = Enumerable.Range(0, n).Average(i => rows[(i * h * w) + p]);
            return Enumerable.Range(0, n).Average(i => Math.Pow(rows[(i * h * w) + p] - mean, 2));
        });
        Assert.True(result.BestValidationLoss < 0.5 * meanImageMse, $"best loss {result.BestValidationLoss}, mean image {meanImageMse}");

        string dir = Directory.CreateTempSubdirectory("sieve-conv-").FullName;
        try
        {
            var manifest = new ModelManifest
            {
                Tool = "test", Preset = "conv-cicada", Architecture = shape.AsDenseShape(), Convolution = shape, Variational = new VariationalOptions(0.1),
                Normaliser = Sieve.Core.Normalisation.NormaliserFitter.Fit(Sieve.Core.Normalisation.NormalisationKind.ZScore, Sieve.Core.Synthetic.SyntheticJets.Generate(10, 1), 1.0),
                Schema = new Sieve.Core.Tables.InputSchema(Sieve.Core.Tables.InputFormat.Npy, [.. Enumerable.Range(0, h * w).Select(i => $"p{i}")], Sieve.Core.Tables.EnergyUnit.GeV),
                Training = new TrainerOptions(), Result = new TrainingSummary(1, 1, 0, 1, 1, "x"), WeightsSha256 = string.Empty,
            };
            model.eval();
            ModelCheckpoint.Save(dir, model, manifest);
            (IAutoencoder loaded, ModelManifest _) = ModelCheckpoint.Load(dir);
            using (loaded)
            {
                Assert.IsType<ConvolutionalAutoencoder>(loaded);
                EventScores before = AnomalyScorer.Score(model, rows), after = AnomalyScorer.Score(loaded, rows);
                Assert.Equal(before.Recon, after.Recon);
                Assert.Equal(before.Kl, after.Kl);
                Assert.Equal(before.Rz, after.Rz);
            }
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
