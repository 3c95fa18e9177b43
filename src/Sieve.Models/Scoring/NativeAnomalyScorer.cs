using Sieve.Models.Inference;

namespace Sieve.Models.Scoring;

/// <summary>
/// The scores of <see cref="AnomalyScorer"/> (reconstruction MSE over present cells; KL and R_z
/// for a VAE) from a <see cref="NativeAutoencoder"/>, on all cores: blocks of rows are handed to
/// threads, each with its own workspace, and every row's score depends on that row alone, so the
/// result is the same for any thread count.
/// </summary>
public static class NativeAnomalyScorer
{
    // Rows per parallel work item: enough blocks that handing out work costs nothing.
    private const int RowsPerTask = 16 * NativeAutoencoder.BlockRows;

    /// <summary>Scores normalised rows (N, F) with an optional presence mask (N, F).</summary>
    /// <param name="threads">Threads to use; null for all cores.</param>
    public static EventScores Score(NativeAutoencoder model, float[] normalised, float[]? mask = null, int? threads = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(normalised);
        int f = model.InputSize;
        if (normalised.Length % f != 0 || (mask is not null && mask.Length != normalised.Length))
        {
            throw new ArgumentException($"{normalised.Length} values (mask {mask?.Length}) are not whole rows of {f} features.");
        }

        int n = normalised.Length / f;
        var recon = new double[n];
        double[]? kl = model.IsVariational ? new double[n] : null;
        double[]? rz = model.IsVariational ? new double[n] : null;
        int tasks = (n + RowsPerTask - 1) / RowsPerTask;
        var options = new ParallelOptions { MaxDegreeOfParallelism = threads ?? Environment.ProcessorCount };
        Parallel.For(0, tasks, options, model.CreateWorkspace, (task, _, work) =>
        {
            int end = Math.Min(n, (task + 1) * RowsPerTask);
            for (int start = task * RowsPerTask; start < end; start += NativeAutoencoder.BlockRows)
            {
                int rows = Math.Min(NativeAutoencoder.BlockRows, end - start);
                ReadOnlySpan<float> x = normalised.AsSpan(start * f, rows * f);
                model.Run(x, rows, work);
                Reconstruction(x, mask is null ? default : mask.AsSpan(start * f, rows * f), rows, f, work, recon.AsSpan(start, rows));
                if (kl is not null && rz is not null)
                {
                    Latent(rows, model.LatentSize, work, kl.AsSpan(start, rows), rz.AsSpan(start, rows));
                }
            }

            return work;
        }, _ => { });
        return new EventScores(recon, kl, rz);
    }

    /// <summary>
    /// R_z = sum mu^2 / sigma^2 per row from a VAE's encoder alone (no decoder), as a Level-1
    /// trigger computes its score; on all cores, the same for any thread count.
    /// </summary>
    public static double[] LatentScores(NativeAutoencoder model, float[] normalised, int? threads = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(normalised);
        if (!model.IsVariational)
        {
            throw new ArgumentException("R_z needs a VAE's log-variance head; this model is a plain autoencoder.");
        }

        int f = model.InputSize;
        if (normalised.Length % f != 0)
        {
            throw new ArgumentException($"{normalised.Length} values are not whole rows of {f} features.");
        }

        int n = normalised.Length / f;
        var rz = new double[n];
        int tasks = (n + RowsPerTask - 1) / RowsPerTask;
        var options = new ParallelOptions { MaxDegreeOfParallelism = threads ?? Environment.ProcessorCount };
        Parallel.For(0, tasks, options, () => (model.CreateWorkspace(), new double[NativeAutoencoder.BlockRows]), (task, _, local) =>
        {
            int end = Math.Min(n, (task + 1) * RowsPerTask);
            for (int start = task * RowsPerTask; start < end; start += NativeAutoencoder.BlockRows)
            {
                int rows = Math.Min(NativeAutoencoder.BlockRows, end - start);
                model.Encode(normalised.AsSpan(start * f, rows * f), rows, local.Item1);
                Latent(rows, model.LatentSize, local.Item1, local.Item2.AsSpan(0, rows), rz.AsSpan(start, rows));
            }

            return local;
        }, _ => { });
        return rz;
    }

    // Mean squared error over the present cells of each row (all cells without a mask).
    private static void Reconstruction(ReadOnlySpan<float> x, ReadOnlySpan<float> mask, int rows, int f, NativeAutoencoder.Workspace work, Span<double> scores)
    {
        ReadOnlySpan<float> y = work.Reconstruction;
        int stride = work.ReconstructionStride;
        for (int r = 0; r < rows; r++)
        {
            double sum = 0, present = 0;
            for (int k = 0; k < f; k++)
            {
                double m = mask.IsEmpty ? 1 : mask[(r * f) + k];
                double d = y[(r * stride) + k] - x[(r * f) + k];
                sum += m * d * d;
                present += m;
            }

            scores[r] = sum / Math.Max(present, 1);
        }
    }

    // KL = 0.5 sum(mu^2 + sigma^2 - 1 - log sigma^2) and R_z = sum mu^2 / sigma^2 per row.
    private static void Latent(int rows, int z, NativeAutoencoder.Workspace work, Span<double> kl, Span<double> rz)
    {
        ReadOnlySpan<float> mu = work.Latent, logVar = work.LogVariance;
        int ms = work.LatentStride, ls = work.LogVarianceStride;
        for (int r = 0; r < rows; r++)
        {
            double k = 0, s = 0;
            for (int d = 0; d < z; d++)
            {
                double m = mu[(r * ms) + d], lv = logVar[(r * ls) + d];
                double variance = Math.Exp(lv);
                k += (m * m) + variance - 1 - lv;
                s += m * m / variance;
            }

            kl[r] = 0.5 * k;
            rz[r] = s;
        }
    }
}
