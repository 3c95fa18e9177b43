using Sieve.Core.Metrics.Generation.Internal;

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

    /// <summary>
    /// <paramref name="count"/> draws mu + T sqrt(C) eps, eps ~ N(0, I), row-major (count x F), with the
    /// symmetric root of the covariance (no Cholesky failure on a singular one); T (the temperature)
    /// scales the spread around the mean.
    /// </summary>
    public double[] Sample(int count, Random random, double temperature = 1)
    {
        ArgumentNullException.ThrowIfNull(random);
        int f = Dimension;
        double[] root = SymmetricEigen.Apply(Covariance, f, l => Math.Sqrt(Math.Max(l, 0)));
        var draws = new double[count * f];
        var eps = new double[f];
        for (int r = 0; r < count; r++)
        {
            for (int k = 0; k < f; k++)
            {
                eps[k] = StandardNormal(random);
            }

            for (int i = 0; i < f; i++)
            {
                double x = 0;
                for (int k = 0; k < f; k++)
                {
                    x += root[(i * f) + k] * eps[k];
                }

                draws[(r * f) + i] = Mean[i] + (temperature * x);
            }
        }

        return draws;
    }

    /// <summary>One N(0, 1) draw (Box-Muller): the same numbers on every machine for a seed.</summary>
    public static double StandardNormal(Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        double u = 1 - random.NextDouble(); // (0, 1]: log is finite
        return Math.Sqrt(-2 * Math.Log(u)) * Math.Cos(2 * Math.PI * random.NextDouble());
    }
}
