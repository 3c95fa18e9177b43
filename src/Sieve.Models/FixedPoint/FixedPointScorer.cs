namespace Sieve.Models.FixedPoint;

/// <summary>
/// The reconstruction score of rows through a <see cref="FixedPointAutoencoder"/>: as
/// <see cref="Scoring.AnomalyScorer"/>'s, the mean squared error over present cells, between the
/// fixed-point reconstruction's values and the normalised input as given (so the input's own
/// quantisation counts as part of the fixed-point error). The score itself is computed in double:
/// it stands for what the FPGA's output means, not for a fixed-point score unit.
/// </summary>
public static class FixedPointScorer
{
    /// <summary>Scores normalised rows (N, F) with an optional presence mask (N, F).</summary>
    public static double[] ReconstructionScores(FixedPointAutoencoder model, float[] normalised, float[]? mask = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(normalised);
        int f = model.InputSize;
        if (normalised.Length % f != 0 || (mask is not null && mask.Length != normalised.Length))
        {
            throw new ArgumentException($"{normalised.Length} values (mask {mask?.Length}) are not whole rows of {f} features.");
        }

        int n = normalised.Length / f;
        var scores = new double[n];
        Parallel.For(0, n, row =>
        {
            ReadOnlySpan<float> x = normalised.AsSpan(row * f, f);
            double[] y = model.Reconstruct(model.QuantiseInput(x)).Values;
            double sum = 0, present = 0;
            for (int k = 0; k < f; k++)
            {
                double m = mask is null ? 1 : mask[(row * f) + k];
                double d = y[k] - x[k];
                sum += d * d * m;
                present += m;
            }

            scores[row] = sum / Math.Max(present, 1);
        });
        return scores;
    }

    /// <summary>
    /// A VAE's R_z = sum_i mu_i^2 / sigma_i^2 per row from the fixed-point encoder alone (mu and the
    /// clamped log sigma^2 as the emulation gives them, the sum formed in double), as
    /// <see cref="Autoencoders.VariationalAutoencoder.LatentScore"/> forms it from the float encoder.
    /// </summary>
    /// <exception cref="InvalidOperationException">Not a VAE.</exception>
    public static double[] LatentScores(FixedPointAutoencoder model, float[] normalised)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(normalised);
        if (model.LogVarianceHead is null)
        {
            throw new InvalidOperationException("R_z needs a VAE's log-variance head.");
        }

        int f = model.InputSize;
        var scores = new double[normalised.Length / f];
        Parallel.For(0, scores.Length, row =>
        {
            long[] x = model.QuantiseInput(normalised.AsSpan(row * f, f));
            double[] mu = model.Encode(x).Values, logVariance = model.LogVariance(x).Values;
            double sum = 0;
            for (int k = 0; k < mu.Length; k++)
            {
                sum += mu[k] * mu[k] * Math.Exp(-logVariance[k]);
            }

            scores[row] = sum;
        });
        return scores;
    }
}
