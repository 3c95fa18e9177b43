using Sieve.Models.Autoencoders;
using Sieve.Models.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Sieve.Models.Tests.Training;

public class VariationalAutoencoderTests
{
    [Fact]
    public void Latent_score_and_kl_follow_their_formulas_on_a_fixed_encoder()
    {
        Trainer.Seed(2);
        using var vae = new VariationalAutoencoder(new DenseAutoencoderOptions(5, [8], 3, ActivationKind.Tanh), new VariationalOptions());
        vae.eval();
        using Tensor x = torch.randn(7, 5);
        using var noGrad = torch.no_grad();
        (Tensor mu, Tensor logVar) = vae.EncodeDistribution(x);
        using (mu)
        using (logVar)
        {
            float[] m = mu.data<float>().ToArray();
            float[] lv = logVar.data<float>().ToArray();
            float[] rz = vae.LatentScore(x).data<float>().ToArray();
            float[] kl = vae.KlDivergence(x).data<float>().ToArray();
            for (int i = 0; i < 7; i++)
            {
                double expectedRz = 0, expectedKl = 0;
                for (int k = 0; k < 3; k++)
                {
                    double mean = m[(i * 3) + k], logv = lv[(i * 3) + k];
                    expectedRz += mean * mean / Math.Exp(logv);
                    expectedKl += 0.5 * ((mean * mean) + Math.Exp(logv) - 1 - logv);
                }

                Assert.Equal(expectedRz, rz[i], 4);
                Assert.Equal(expectedKl, kl[i], 4);
            }

            // Encode is the mean: deterministic, what an archive stores.
            Assert.Equal(m, vae.Encode(x).data<float>().ToArray());
        }
    }

    [Fact]
    public void Training_on_a_tiny_awkward_set_never_produces_nan()
    {
        // 16 rows with huge and tiny values: without the log-variance clamp this overflows.
        var rng = new Random(1);
        float[] data = [.. Enumerable.Range(0, 16 * 4).Select(i => (float)((rng.NextDouble() - 0.5) * (i % 5 == 0 ? 1e4 : 1e-3)))];
        Trainer.Seed(1);
        using var vae = new VariationalAutoencoder(new DenseAutoencoderOptions(4, [8], 2, ActivationKind.Relu), new VariationalOptions(Beta: 2));
        TrainingResult result = Trainer.Train(vae, data, data[..16], new TrainerOptions { Epochs = 20, BatchSize = 4, LearningRate = 1e-2, Device = "cpu", EarlyStoppingPatience = 0 });
        Assert.All(result.History, r => Assert.True(double.IsFinite(r.TrainLoss) && double.IsFinite(r.ValidationLoss), $"epoch {r.Epoch}: {r.TrainLoss} / {r.ValidationLoss}"));
    }

    [Fact]
    public void Vae_learns_and_beta_zero_reduces_to_reconstruction()
    {
        var rng = new Random(4);
        float[] Data(int n) => [.. Enumerable.Range(0, n).SelectMany(_ => { double a = rng.NextDouble(); return new[] { (float)a, (float)(2 * a), (float)(1 - a) }; })];
        float[] train = Data(800), val = Data(200);
        Trainer.Seed(4);
        using var vae = new VariationalAutoencoder(new DenseAutoencoderOptions(3, [16], 1, ActivationKind.Tanh), new VariationalOptions(Beta: 0));
        TrainingResult result = Trainer.Train(vae, train, val, new TrainerOptions { Epochs = 30, BatchSize = 32, LearningRate = 5e-3, Device = "cpu" });
        Assert.True(result.BestValidationLoss < result.History[0].ValidationLoss / 5, $"{result.History[0].ValidationLoss} -> {result.BestValidationLoss}");
    }
}
