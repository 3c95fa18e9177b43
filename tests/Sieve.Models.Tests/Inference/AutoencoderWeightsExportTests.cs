using Sieve.Models.Autoencoders;
using Sieve.Models.Inference;
using Sieve.Models.Tests.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Sieve.Models.Tests.Inference;

[Collection(SerialTraining.Name)]
public class AutoencoderWeightsExportTests
{
    [Theory]
    [InlineData(ActivationKind.Tanh)]
    [InlineData(ActivationKind.Relu)]
    [InlineData(ActivationKind.Silu)]
    public void Exported_dense_weights_reproduce_the_torch_encoder_and_decoder(ActivationKind activation)
    {
        torch.manual_seed(11);
        using var model = new DenseAutoencoder(new DenseAutoencoderOptions(6, [9, 5], 3, activation));
        AutoencoderWeights weights = AutoencoderWeightsExport.TryFrom(model)!;
        Assert.False(weights.IsVariational);
        Assert.Equal([6, 9, 5], weights.Encoder.Layers.Select(l => l.InputSize));
        Assert.Equal(3, weights.LatentSize);
        // Hidden layers and the latent: the latent layer is linear, and so is the decoder's output.
        Assert.Equal(new ActivationKind?[] { activation, activation, null }, weights.Encoder.Layers.Select(l => l.Activation));
        Assert.Null(weights.Decoder.Layers[^1].Activation);
        Compare(model, weights, vae: null);
    }

    [Fact]
    public void Exported_vae_weights_give_its_mean_and_log_variance()
    {
        torch.manual_seed(12);
        using var vae = new VariationalAutoencoder(new DenseAutoencoderOptions(5, [8], 2, ActivationKind.Elu), new VariationalOptions(LogVarianceMin: -3, LogVarianceMax: 3));
        AutoencoderWeights weights = AutoencoderWeightsExport.TryFrom(vae)!;
        Assert.True(weights.IsVariational);
        Assert.Equal(-3, weights.LogVarianceMin);
        Compare(vae, weights, vae);
    }

    private static void Compare(IAutoencoder model, AutoencoderWeights weights, VariationalAutoencoder? vae)
    {
        model.Module.eval();
        using var noGrad = torch.no_grad();
        using Tensor x = torch.randn(10, model.InputSize);
        float[] input = x.data<float>().ToArray();
        float[] latent = model.Encode(x).data<float>().ToArray();
        float[] output = model.Reconstruct(x).data<float>().ToArray();
        float[]? logVar = null;
        if (vae is not null)
        {
            (Tensor mu, Tensor lv) = vae.EncodeDistribution(x);
            mu.Dispose();
            logVar = lv.data<float>().ToArray();
            lv.Dispose();
        }

        int f = model.InputSize, z = model.LatentSize;
        for (int row = 0; row < 10; row++)
        {
            double[] zRef = ReferenceForward.Run(weights.Encoder, input.AsSpan(row * f, f));
            double[] yRef = ReferenceForward.Run(weights.Decoder, [.. zRef.Select(v => (float)v)]);
            for (int k = 0; k < z; k++)
            {
                Assert.Equal(latent[(row * z) + k], zRef[k], 4);
            }

            for (int k = 0; k < f; k++)
            {
                Assert.Equal(output[(row * f) + k], yRef[k], 4);
            }

            if (logVar is not null)
            {
                // The trunk output is the input of the encoder's last (mean) layer.
                var trunk = new DenseNetworkWeights([.. weights.Encoder.Layers.Take(weights.Encoder.Layers.Count - 1)]);
                double[] h = ReferenceForward.Run(trunk, input.AsSpan(row * f, f));
                double[] lv = ReferenceForward.Run(new DenseNetworkWeights([weights.LogVarianceHead!]), [.. h.Select(v => (float)v)]);
                for (int k = 0; k < z; k++)
                {
                    Assert.Equal(logVar[(row * z) + k], Math.Clamp(lv[k], weights.LogVarianceMin, weights.LogVarianceMax), 4);
                }
            }
        }
    }
}
