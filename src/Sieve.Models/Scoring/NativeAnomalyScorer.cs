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
        RowScores.RequireWholeRows(normalised.Length, mask?.Length, f);

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
                    Latent(work, rows, kl.AsSpan(start, rows), rz.AsSpan(start, rows));
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
        RowScores.RequireWholeRows(normalised.Length, null, f);

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
                Latent(local.Item1, rows, local.Item2.AsSpan(0, rows), rz.AsSpan(start, rows));
            }

            return local;
        }, _ => { });
        return rz;
    }

    /// <summary>
    /// KL and R_z of each row of the block a workspace holds after <see cref="NativeAutoencoder.Run"/>
    /// or <see cref="NativeAutoencoder.Encode"/> of a VAE.
    /// </summary>
    public static void Latent(NativeAutoencoder.Workspace work, int rows, Span<double> kl, Span<double> rz)
    {
        ArgumentNullException.ThrowIfNull(work);
        int z = work.LatentSize;
        for (int r = 0; r < rows; r++)
        {
            (kl[r], rz[r]) = RowScores.Latent(work.Latent.Slice(r * work.LatentStride, z), work.LogVariance.Slice(r * work.LogVarianceStride, z));
        }
    }

    // The reconstruction error of each row of the block.
    private static void Reconstruction(ReadOnlySpan<float> x, ReadOnlySpan<float> mask, int rows, int f, NativeAutoencoder.Workspace work, Span<double> scores)
    {
        for (int r = 0; r < rows; r++)
        {
            scores[r] = RowScores.MaskedMse(work.Reconstruction.Slice(r * work.ReconstructionStride, f), x.Slice(r * f, f), mask.IsEmpty ? default : mask.Slice(r * f, f));
        }
    }
}
