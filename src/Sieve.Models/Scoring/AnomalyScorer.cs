using Sieve.Models.Autoencoders;
using TorchSharp;
using static TorchSharp.torch;

namespace Sieve.Models.Scoring;

/// <summary>
/// Scores rows with a trained autoencoder, in chunks, on the CPU. The reconstruction score of a row
/// is its mean squared error over present cells only (padded slots and missing values never count,
/// so a score cannot grow just because a slot is empty); KL and R_z come from a VAE's encoder.
/// </summary>
public static class AnomalyScorer
{
    private const int ChunkRows = 65536;

    /// <summary>Scores normalised rows (N, F) with an optional presence mask (N, F).</summary>
    public static EventScores Score(IAutoencoder model, float[] normalised, float[]? mask = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(normalised);
        int f = model.InputSize;
        RowScores.RequireWholeRows(normalised.Length, mask?.Length, f);
        int n = normalised.Length / f;

        model.Module.to(torch.CPU);
        model.Module.eval();
        ILatentDistribution? vae = model is ILatentDistribution { HasLatentDistribution: true } distribution ? distribution : null;
        var recon = new double[n];
        double[]? kl = vae is null ? null : new double[n];
        double[]? rz = vae is null ? null : new double[n];
        using var noGrad = torch.no_grad();
        for (int start = 0; start < n; start += ChunkRows)
        {
            using var scope = torch.NewDisposeScope();
            int rows = Math.Min(ChunkRows, n - start);
            Tensor x = torch.tensor(normalised.AsSpan(start * f, rows * f).ToArray(), [rows, f]);                       // (b, F)
            Tensor m = mask is null ? torch.ones_like(x) : torch.tensor(mask.AsSpan(start * f, rows * f).ToArray(), [rows, f]);
            if (model is IEventScoring own)
            {
                // A set model's score is its matched loss: the cell-by-cell MSE in input order would
                // charge it for emitting the right objects in another order.
                Copy(own.EventScore(x, mask is null ? null : m), recon, start);
            }
            else
            {
                Tensor se = (model.Reconstruct(x) - x).square() * m;                                                    // (b, F)
                Tensor perRow = se.sum(1) / m.sum(1).clamp_min(1);                                                       // (b)
                Copy(perRow, recon, start);
            }

            if (vae is not null)
            {
                Copy(vae.KlDivergence(x), kl!, start);
                Copy(vae.LatentScore(x), rz!, start);
            }
        }

        return new EventScores(recon, kl, rz);
    }

    private static void Copy(Tensor values, double[] target, int start)
    {
        float[] data = values.data<float>().ToArray();
        for (int i = 0; i < data.Length; i++)
        {
            target[start + i] = data[i];
        }
    }
}
