using TorchSharp;
using static TorchSharp.torch;

namespace Sieve.Models.Autoencoders;

/// <summary>Runs an autoencoder's encoder or decoder over large row-major arrays in chunks, on the CPU.</summary>
public static class BatchInference
{
    private const int ChunkRows = 65536;

    /// <summary>(N, F) normalised features -> (N, Z) latents.</summary>
    public static float[] Encode(IAutoencoder model, float[] features, IProgress<long>? rowsDone = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        return Map(model, features, model.InputSize, model.LatentSize, model.Encode, rowsDone);
    }

    /// <summary>(N, Z) latents -> (N, F) normalised features.</summary>
    public static float[] Decode(IAutoencoder model, float[] latents, IProgress<long>? rowsDone = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        return Map(model, latents, model.LatentSize, model.InputSize, model.Decode, rowsDone);
    }

    /// <summary>
    /// (N, F) normalised features -> the Gaussian q(z|x) of a VAE: means and log-variances, (N, Z) each.
    /// </summary>
    public static (float[] Mean, float[] LogVariance) EncodeGaussian(IAutoencoder model, float[] features, IProgress<long>? rowsDone = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (model is not ILatentDistribution { HasLatentDistribution: true } gaussian)
        {
            throw new ArgumentException("the model has no latent distribution q(z|x): it is not a VAE.", nameof(model));
        }

        int z = model.LatentSize;
        float[] both = Map(model, features, model.InputSize, 2 * z, x =>
        {
            (Tensor mu, Tensor logVar) = gaussian.EncodeGaussian(x);
            return torch.cat([mu, logVar], 1); // (b, 2Z): one pass for both
        }, rowsDone);
        int n = both.Length / (2 * z);
        var mean = new float[n * z];
        var logVariance = new float[n * z];
        for (int r = 0; r < n; r++)
        {
            Array.Copy(both, r * 2 * z, mean, r * z, z);
            Array.Copy(both, (r * 2 * z) + z, logVariance, r * z, z);
        }

        return (mean, logVariance);
    }

    private static float[] Map(IAutoencoder model, float[] input, int inWidth, int outWidth, Func<Tensor, Tensor> step, IProgress<long>? rowsDone)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Length % inWidth != 0)
        {
            throw new ArgumentException($"{input.Length} values are not whole rows of {inWidth}.", nameof(input));
        }

        model.Module.to(torch.CPU);
        model.Module.eval();
        int n = input.Length / inWidth;
        var output = new float[n * outWidth];
        using var noGrad = torch.no_grad();
        for (int start = 0; start < n; start += ChunkRows)
        {
            using var scope = torch.NewDisposeScope();
            int rows = Math.Min(ChunkRows, n - start);
            Tensor x = torch.tensor(input.AsSpan(start * inWidth, rows * inWidth).ToArray(), [rows, inWidth]); // (b, in)
            Tensor y = step(x).contiguous();                                                                      // (b, out)
            y.data<float>().CopyTo(output, start * outWidth);
            rowsDone?.Report(start + rows);
        }

        return output;
    }
}
