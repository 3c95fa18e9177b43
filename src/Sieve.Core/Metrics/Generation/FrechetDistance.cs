using Sieve.Core.Metrics.Generation.Internal;

namespace Sieve.Core.Metrics.Generation;

/// <summary>
/// The Fréchet distance of two Gaussians, d^2 = ||mu1 - mu2||^2 + Tr(C1 + C2 - 2 sqrt(C1 C2)), the
/// core of FID and of JetNet's FPD. C1 C2 is not symmetric, so its square root is taken in the
/// similar symmetric form sqrt(C1)^(1/2) C2 sqrt(C1)^(1/2), which has the same eigenvalues: both roots
/// come from symmetric eigen-decompositions (eigenvalues clamped at 0), with no complex arithmetic
/// and no failure on nearly singular covariances.
/// </summary>
public static class FrechetDistance
{
    /// <summary>Fréchet distance of the Gaussians fitted to two samples of the same features.</summary>
    public static double Of(SampleMatrix a, SampleMatrix b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Features != b.Features)
        {
            throw new ArgumentException($"the samples have {a.Features} and {b.Features} features; the Fréchet distance compares the same features.");
        }

        return Of(GaussianFit.Of(a), GaussianFit.Of(b));
    }

    /// <summary>Fréchet distance of two Gaussians of the same dimension.</summary>
    public static double Of(GaussianFit a, GaussianFit b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        int n = a.Dimension;
        if (b.Dimension != n)
        {
            throw new ArgumentException($"Gaussians of dimension {n} and {b.Dimension}; expected the same.");
        }

        double meanTerm = 0;
        for (int i = 0; i < n; i++)
        {
            double d = a.Mean[i] - b.Mean[i];
            meanTerm += d * d;
        }

        double trace = 0;
        for (int i = 0; i < n; i++)
        {
            trace += a.Covariance[(i * n) + i] + b.Covariance[(i * n) + i];
        }

        return meanTerm + trace - (2 * TraceOfSqrtProduct(a.Covariance, b.Covariance, n));
    }

    /// <summary>Tr(sqrt(C1 C2)) of two positive semi-definite matrices (n x n, row-major).</summary>
    public static double TraceOfSqrtProduct(double[] c1, double[] c2, int n)
    {
        double[] root1 = SymmetricEigen.Apply(c1, n, l => Math.Sqrt(Math.Max(l, 0)));
        double[] inner = Symmetrised(Multiply(Multiply(root1, c2, n), root1, n), n);
        (double[] values, _) = SymmetricEigen.Decompose(inner, n);
        double trace = 0;
        foreach (double l in values)
        {
            trace += Math.Sqrt(Math.Max(l, 0));
        }

        return trace;
    }

    private static double[] Multiply(double[] x, double[] y, int n)
    {
        var z = new double[n * n];
        for (int i = 0; i < n; i++)
        {
            for (int k = 0; k < n; k++)
            {
                double xik = x[(i * n) + k];
                for (int j = 0; j < n; j++)
                {
                    z[(i * n) + j] += xik * y[(k * n) + j];
                }
            }
        }

        return z;
    }

    // Rounding leaves S C2 S a hair off symmetric; Jacobi reads only one triangle's worth of truth.
    private static double[] Symmetrised(double[] m, int n)
    {
        for (int i = 0; i < n; i++)
        {
            for (int j = i + 1; j < n; j++)
            {
                double mean = 0.5 * (m[(i * n) + j] + m[(j * n) + i]);
                m[(i * n) + j] = mean;
                m[(j * n) + i] = mean;
            }
        }

        return m;
    }
}
