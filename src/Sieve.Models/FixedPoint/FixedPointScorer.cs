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
        Scoring.RowScores.RequireWholeRows(normalised.Length, mask?.Length, f);
        int n = normalised.Length / f;
        var scores = new double[n];
        Parallel.For(0, n, row =>
        {
            ReadOnlySpan<float> x = normalised.AsSpan(row * f, f);
            double[] y = model.Reconstruct(model.QuantiseInput(x)).Values;
            scores[row] = Scoring.RowScores.MaskedMse<double>(y, x, mask is null ? default : mask.AsSpan(row * f, f));
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
            scores[row] = Scoring.RowScores.Latent<double>(model.Encode(x).Values, model.LogVariance(x).Values).Rz;
        });
        return scores;
    }
}
