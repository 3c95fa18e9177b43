using Sieve.Models.Autoencoders;
using Sieve.Models.FixedPoint;
using Sieve.Models.Inference;
using Sieve.Models.Tests.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Sieve.Models.Tests.FixedPoint;

/// <summary>The emulation of real TorchSharp models at a wide precision against the models themselves.</summary>
[Collection(SerialTraining.Name)]
public class FixedPointTorchTests
{
    // Wide types and a fine ELU/tanh table: what is left of the difference is the table's step in x
    // (8/2^18) times the slope, and truncations to the 2^-14 grid (6.1e-5, always downward) through three layers.
    private static readonly FixedPointConfig Wide = new(ApFixedFormat.Parse("ap_fixed<24,10>"), ApFixedFormat.Parse("ap_fixed<32,12>"),
        Table: ApFixedFormat.Parse("ap_fixed<24,2>"), TableSize: 1 << 18);

    [Fact]
    public void A_vae_mean_log_variance_and_reconstruction_follow_torch()
    {
        torch.manual_seed(21);
        using var vae = new VariationalAutoencoder(new DenseAutoencoderOptions(6, [10, 7], 3, ActivationKind.Elu), new VariationalOptions(LogVarianceMin: -2, LogVarianceMax: 2));
        Compare(vae, vae, 1e-3);     // measured 5.3e-4
    }

    [Fact]
    public void A_tanh_autoencoder_follows_torch()
    {
        torch.manual_seed(22);
        using var ae = new DenseAutoencoder(new DenseAutoencoderOptions(6, [10, 7], 3, ActivationKind.Tanh));
        Compare(ae, null, 1e-3);      // measured 3.0e-4
    }

    [Fact]
    public void The_latent_score_of_a_vae_follows_torch()
    {
        torch.manual_seed(23);
        using var vae = new VariationalAutoencoder(new DenseAutoencoderOptions(5, [8], 2, ActivationKind.Tanh), new VariationalOptions(LogVarianceMin: -2, LogVarianceMax: 2));
        vae.Module.eval();
        using var noGrad = torch.no_grad();
        using Tensor x = torch.randn(30, 5);
        float[] input = x.data<float>().ToArray();
        float[] expected = vae.LatentScore(x).data<float>().ToArray();
        double[] actual = FixedPointScorer.LatentScores(FixedPointAutoencoder.Create(AutoencoderWeightsExport.TryFrom(vae)!, Wide), input);
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.True(Math.Abs(actual[i] - expected[i]) < 5e-3 * Math.Max(1, expected[i]), $"row {i}: emulated R_z {actual[i]}, torch {expected[i]}");
        }
    }

    private static void Compare(IAutoencoder model, VariationalAutoencoder? vae, double tolerance)
    {
        model.Module.eval();
        using var noGrad = torch.no_grad();
        using Tensor x = torch.randn(40, model.InputSize) * 2;
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

        var emulated = FixedPointAutoencoder.Create(AutoencoderWeightsExport.TryFrom(model)!, Wide);
        int f = model.InputSize, z = model.LatentSize;
        double worst = 0;
        for (int row = 0; row < 40; row++)
        {
            long[] raw = emulated.QuantiseInput(input.AsSpan(row * f, f));
            double[] mu = emulated.Encode(raw).Values, y = emulated.Reconstruct(raw).Values;
            double[]? lv = logVar is null ? null : emulated.LogVariance(raw).Values;
            for (int k = 0; k < z; k++)
            {
                worst = Math.Max(worst, Math.Abs(mu[k] - latent[(row * z) + k]));
                if (lv is not null)
                {
                    worst = Math.Max(worst, Math.Abs(lv[k] - logVar![(row * z) + k]));
                }
            }

            for (int k = 0; k < f; k++)
            {
                worst = Math.Max(worst, Math.Abs(y[k] - output[(row * f) + k]));
            }
        }

        Assert.True(worst < tolerance, $"largest difference from torch {worst:G4}, tolerance {tolerance}");
    }
}
