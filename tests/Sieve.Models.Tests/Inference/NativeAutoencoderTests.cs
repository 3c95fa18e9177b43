using Sieve.Models.Autoencoders;
using Sieve.Models.Inference;
using Sieve.Models.Scoring;
using Sieve.Models.Tests.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Sieve.Models.Tests.Inference;

/// <summary>
/// The native kernels against libtorch on random weights and inputs. Stated tolerance: a score or
/// output differs from torch's by at most 1e-5 relative (plus 1e-6 absolute); both are float32
/// sums of the same products in different orders, so they agree to a few float ulps per layer.
/// </summary>
[Collection(SerialTraining.Name)]
public class NativeAutoencoderTests
{
    private const double Relative = 1e-5, Absolute = 1e-6;

    [Theory]
    [InlineData(ActivationKind.Tanh, 4, new[] { 200, 100, 50 }, 3, 1037)]
    [InlineData(ActivationKind.Relu, 57, new[] { 32, 16 }, 8, 513)]
    [InlineData(ActivationKind.LeakyRelu, 9, new[] { 17 }, 2, 3)]
    [InlineData(ActivationKind.Elu, 16, new[] { 40, 24 }, 5, 260)]
    [InlineData(ActivationKind.Silu, 5, new int[0], 3, 77)]
    public void Scores_match_libtorch_on_random_weights_and_inputs(ActivationKind activation, int features, int[] hidden, int latent, int rows)
    {
        torch.manual_seed(features + rows);
        using var model = new DenseAutoencoder(new DenseAutoencoderOptions(features, hidden, latent, activation));
        RandomiseBiases(model);
        float[] x = RandomRows(rows * features, seed: rows);
        float[] mask = [.. x.Select((_, i) => i % 7 == 3 ? 0f : 1f)];
        var native = new NativeAutoencoder(AutoencoderWeightsExport.TryFrom(model)!);

        EventScores expected = AnomalyScorer.Score(model, x, mask);
        EventScores actual = NativeAnomalyScorer.Score(native, x, mask);
        AssertClose(expected.Recon, actual.Recon);
        Assert.Null(actual.Kl);

        // The latents and outputs themselves, block by block.
        using var noGrad = torch.no_grad();
        using Tensor input = torch.tensor(x, [rows, features]);
        float[] z = model.Encode(input).data<float>().ToArray();
        float[] y = model.Reconstruct(input).data<float>().ToArray();
        NativeAutoencoder.Workspace work = native.CreateWorkspace();
        for (int start = 0; start < rows; start += NativeAutoencoder.BlockRows)
        {
            int n = Math.Min(NativeAutoencoder.BlockRows, rows - start);
            native.Run(x.AsSpan(start * features, n * features), n, work);
            for (int r = 0; r < n; r++)
            {
                AssertClose(z.AsSpan((start + r) * latent, latent), work.Latent.Slice(r * work.LatentStride, latent));
                AssertClose(y.AsSpan((start + r) * features, features), work.Reconstruction.Slice(r * work.ReconstructionStride, features));
            }
        }
    }

    [Fact]
    public void Vae_kl_and_latent_score_match_libtorch()
    {
        torch.manual_seed(5);
        using var vae = new VariationalAutoencoder(new DenseAutoencoderOptions(12, [20, 10], 4, ActivationKind.Tanh), new VariationalOptions(LogVarianceMin: -2, LogVarianceMax: 1));
        RandomiseBiases(vae);
        float[] x = RandomRows(12 * 301, seed: 9);
        var native = new NativeAutoencoder(AutoencoderWeightsExport.TryFrom(vae)!);
        Assert.True(native.IsVariational);
        EventScores expected = AnomalyScorer.Score(vae, x);
        EventScores actual = NativeAnomalyScorer.Score(native, x);
        AssertClose(expected.Recon, actual.Recon);
        AssertClose(expected.Kl!, actual.Kl!);
        AssertClose(expected.Rz!, actual.Rz!);

        // The encoder alone gives the same R_z, on any number of threads.
        AssertClose(expected.Rz!, NativeAnomalyScorer.LatentScores(native, x, threads: 1));
        Assert.Equal(NativeAnomalyScorer.LatentScores(native, x, threads: 1), NativeAnomalyScorer.LatentScores(native, x, threads: 3));
    }

    [Fact]
    public void Latent_scores_need_a_vae()
    {
        torch.manual_seed(3);
        using var model = new DenseAutoencoder(new DenseAutoencoderOptions(6, [8], 2, ActivationKind.Tanh));
        var native = new NativeAutoencoder(AutoencoderWeightsExport.TryFrom(model)!);
        Assert.Throws<ArgumentException>(() => NativeAnomalyScorer.LatentScores(native, new float[12]));
    }

    [Fact]
    public void Scores_are_the_same_for_any_thread_count()
    {
        torch.manual_seed(3);
        using var model = new DenseAutoencoder(new DenseAutoencoderOptions(6, [30], 2, ActivationKind.Tanh));
        var native = new NativeAutoencoder(AutoencoderWeightsExport.TryFrom(model)!);
        float[] x = RandomRows(6 * 20_001, seed: 4);
        double[] one = NativeAnomalyScorer.Score(native, x, threads: 1).Recon;
        double[] many = NativeAnomalyScorer.Score(native, x, threads: 4).Recon;
        Assert.Equal(one, many);
    }

    [Fact]
    public void Rows_that_are_not_whole_are_refused()
    {
        torch.manual_seed(3);
        using var model = new DenseAutoencoder(new DenseAutoencoderOptions(6, [8], 2, ActivationKind.Tanh));
        var native = new NativeAutoencoder(AutoencoderWeightsExport.TryFrom(model)!);
        Assert.Throws<ArgumentException>(() => NativeAnomalyScorer.Score(native, new float[13]));
    }

    // Torch initialises biases small; larger ones make the padded-output and activation paths matter.
    private static void RandomiseBiases(IAutoencoder model)
    {
        using var noGrad = torch.no_grad();
        foreach ((string name, TorchSharp.Modules.Parameter p) in model.Module.named_parameters())
        {
            if (name.EndsWith("bias", StringComparison.Ordinal))
            {
                p.uniform_(-1, 1);
            }
        }
    }

    private static float[] RandomRows(int count, int seed)
    {
        var rng = new Random(seed);
        return [.. Enumerable.Range(0, count).Select(_ => (float)((rng.NextDouble() * 4) - 2))];
    }

    private static void AssertClose(ReadOnlySpan<double> expected, ReadOnlySpan<double> actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            double tolerance = Absolute + (Relative * Math.Abs(expected[i]));
            Assert.True(Math.Abs(expected[i] - actual[i]) <= tolerance, $"value {i}: torch {expected[i]}, native {actual[i]}");
        }
    }

    private static void AssertClose(ReadOnlySpan<float> expected, ReadOnlySpan<float> actual)
    {
        double[] e = new double[expected.Length], a = new double[actual.Length];
        for (int i = 0; i < e.Length; i++)
        {
            e[i] = expected[i];
        }

        for (int i = 0; i < a.Length; i++)
        {
            a[i] = actual[i];
        }

        AssertClose(e, a);
    }
}
