namespace Sieve.Core.Metrics.Generation;

/// <summary>
/// Mean vector and covariance matrix of a sample of feature vectors: the Gaussian the Fréchet
/// distance compares. The covariance is the unbiased one (divides by N - 1), as <c>np.cov</c>.
/// </summary>
/// <param name="Mean">Mean per feature (F).</param>
/// <param name="Covariance">Covariance, F x F row-major, symmetric.</param>
public sealed record GaussianFit(double[] Mean, double[] Covariance)
{
    /// <summary>Number of features.</summary>
    public int Dimension => Mean.Length;

    /// <summary>Fits mean and covariance to <paramref name="sample"/> (at least 2 rows).</summary>
    public static GaussianFit Of(SampleMatrix sample)
    {
        ArgumentNullException.ThrowIfNull(sample);
        int n = sample.Rows, f = sample.Features;
        if (n < 2)
        {
            throw new ArgumentException($"a covariance needs at least 2 feature vectors; the sample has {n}.", nameof(sample));
        }

        double[] x = sample.Values;
        var mean = new double[f];
        for (int r = 0; r < n; r++)
        {
            for (int j = 0; j < f; j++)
            {
                mean[j] += x[(r * f) + j];
            }
        }

        for (int j = 0; j < f; j++)
        {
            mean[j] /= n;
        }

        // Two-pass (centred) sums: no cancellation for features far from zero.
        var cov = new double[f * f];
        var centred = new double[f];
        for (int r = 0; r < n; r++)
        {
            for (int j = 0; j < f; j++)
            {
                centred[j] = x[(r * f) + j] - mean[j];
            }

            for (int i = 0; i < f; i++)
            {
                for (int j = i; j < f; j++)
                {
                    cov[(i * f) + j] += centred[i] * centred[j];
                }
            }
        }

        for (int i = 0; i < f; i++)
        {
            for (int j = i; j < f; j++)
            {
                double c = cov[(i * f) + j] / (n - 1);
                cov[(i * f) + j] = c;
                cov[(j * f) + i] = c;
            }
        }

        return new GaussianFit(mean, cov);
    }
}
