using Sieve.Models.Autoencoders;
using Sieve.Models.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Sieve.Models.Tests.Training;

public class LossWeightTests
{
    [Fact]
    public void Weights_are_rescaled_to_mean_one()
    {
        using Tensor w = Trainer.LossWeights([4, 2, 1, 1], 4);
        Assert.Equal([2f, 1f, 0.5f, 0.5f], w.data<float>().ToArray());
        using Tensor ones = Trainer.LossWeights(null, 3);
        Assert.Equal([1f, 1f, 1f], ones.data<float>().ToArray());
        Assert.Throws<ArgumentException>(() => Trainer.LossWeights([1, 2], 3));
    }

    [Fact]
    public void Invalid_weights_are_refused()
    {
        Assert.Throws<ArgumentException>(() => new TrainerOptions { FeatureWeights = [1, -1] }.Validate());
        Assert.Throws<ArgumentException>(() => new TrainerOptions { FeatureWeights = [0, 0] }.Validate());
        Assert.Throws<ArgumentException>(() => new TrainerOptions { FeatureWeights = [double.NaN, 1] }.Validate());
    }

    [Fact]
    public void A_heavy_weight_buys_precision_for_its_feature()
    {
        // Three independent features through a 1-dimensional latent: the AE can keep only one.
        // Whichever feature carries the weight must come back best.
        var rng = new Random(3);
        float[] Data(int n) => [.. Enumerable.Range(0, n * 3).Select(_ => (float)((rng.NextDouble() * 2) - 1))];
        float[] train = Data(2000);
        float[] val = Data(500);
        foreach (int favoured in new[] { 0, 2 })
        {
            double[] weights = [1, 1, 1];
            weights[favoured] = 20;
            Trainer.Seed(1);
            using var model = new DenseAutoencoder(new DenseAutoencoderOptions(3, [32], 1, ActivationKind.Tanh));
            Trainer.Train(model, train, val, new TrainerOptions { Epochs = 30, BatchSize = 64, LearningRate = 3e-3, Seed = 1, Device = "cpu", FeatureWeights = weights });

            using Tensor x = torch.tensor(val, [500, 3]);
            using var noGrad = torch.no_grad();
            using Tensor err = (model.Reconstruct(x) - x).square().mean([0]);   // (3)
            float[] perFeature = err.data<float>().ToArray();
            Assert.Equal(favoured, Array.IndexOf(perFeature, perFeature.Min()));
            Assert.True(perFeature[favoured] < 0.3 * perFeature.Where((_, i) => i != favoured).Min(), string.Join(", ", perFeature));
        }
    }
}
