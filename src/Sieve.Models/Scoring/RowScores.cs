using System.Numerics;

namespace Sieve.Models.Scoring;

/// <summary>
/// The anomaly scores of one row, as every engine forms them from its outputs (the native kernels
/// from float32 blocks, the fixed-point emulation from its values in double): the reconstruction
/// error over present cells, and a VAE's KL term and R_z from mu and log sigma^2. Sums are in double.
/// </summary>
public static class RowScores
{
    /// <summary>Throws unless <paramref name="values"/> (and a mask of the same length) are whole rows of <paramref name="features"/>.</summary>
    public static void RequireWholeRows(int values, int? maskValues, int features)
    {
        if (values % features != 0 || (maskValues is { } m && m != values))
        {
            throw new ArgumentException($"{values} values (mask {maskValues}) are not whole rows of {features} features.");
        }
    }

    /// <summary>Mean squared error over the present cells (every cell when <paramref name="mask"/> is empty); a row with none present scores 0.</summary>
    public static double MaskedMse<T>(ReadOnlySpan<T> reconstruction, ReadOnlySpan<float> input, ReadOnlySpan<float> mask)
        where T : INumberBase<T>
    {
        double sum = 0, present = 0;
        for (int k = 0; k < input.Length; k++)
        {
            double m = mask.IsEmpty ? 1 : mask[k];
            double d = double.CreateTruncating(reconstruction[k]) - input[k];
            sum += m * d * d;
            present += m;
        }

        return sum / Math.Max(present, 1);
    }

    /// <summary>KL = 0.5 sum(mu^2 + sigma^2 - 1 - log sigma^2) and R_z = sum mu^2 / sigma^2 over the latent dimensions.</summary>
    public static (double Kl, double Rz) Latent<T>(ReadOnlySpan<T> mu, ReadOnlySpan<T> logVariance)
        where T : INumberBase<T>
    {
        double kl = 0, rz = 0;
        for (int d = 0; d < mu.Length; d++)
        {
            double m = double.CreateTruncating(mu[d]), lv = double.CreateTruncating(logVariance[d]);
            double variance = Math.Exp(lv);
            kl += (m * m) + variance - 1 - lv;
            rz += m * m / variance;
        }

        return (0.5 * kl, rz);
    }
}
