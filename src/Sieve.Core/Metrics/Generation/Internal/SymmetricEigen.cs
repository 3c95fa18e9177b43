namespace Sieve.Core.Metrics.Generation.Internal;

/// <summary>
/// Eigen-decomposition of a real symmetric matrix by cyclic Jacobi rotations: A = V diag(lambda) V^T.
/// Slow for large matrices (O(n^3) per sweep) but unconditionally stable and accurate to a few ulps of
/// the largest eigenvalue, which is what a covariance of a few dozen features needs.
/// </summary>
internal static class SymmetricEigen
{
    private const int MaxSweeps = 100;

    /// <summary>Eigenvalues and eigenvectors (columns of the returned matrix) of symmetric <paramref name="a"/> (n x n, row-major).</summary>
    public static (double[] Values, double[] Vectors) Decompose(double[] a, int n)
    {
        var m = (double[])a.Clone();
        var v = new double[n * n];
        for (int i = 0; i < n; i++)
        {
            v[(i * n) + i] = 1;
        }

        for (int sweep = 0; sweep < MaxSweeps; sweep++)
        {
            double off = 0, scale = 0;
            for (int i = 0; i < n; i++)
            {
                scale += m[(i * n) + i] * m[(i * n) + i];
                for (int j = i + 1; j < n; j++)
                {
                    off += m[(i * n) + j] * m[(i * n) + j];
                }
            }

            // Converged when the off-diagonal mass is at rounding level of the diagonal.
            if (off <= 1e-30 * Math.Max(scale, double.Epsilon))
            {
                break;
            }

            for (int p = 0; p < n - 1; p++)
            {
                for (int q = p + 1; q < n; q++)
                {
                    Rotate(m, v, n, p, q);
                }
            }
        }

        var values = new double[n];
        for (int i = 0; i < n; i++)
        {
            values[i] = m[(i * n) + i];
        }

        return (values, v);
    }

    /// <summary>
    /// f(A) = V diag(f(lambda)) V^T for symmetric <paramref name="a"/>; with f = sqrt of the eigenvalues
    /// clamped at 0 this is the principal square root of a positive semi-definite matrix.
    /// </summary>
    public static double[] Apply(double[] a, int n, Func<double, double> f)
    {
        (double[] values, double[] vectors) = Decompose(a, n);
        var result = new double[n * n];
        for (int k = 0; k < n; k++)
        {
            double fk = f(values[k]);
            for (int i = 0; i < n; i++)
            {
                double vik = vectors[(i * n) + k] * fk;
                for (int j = 0; j < n; j++)
                {
                    result[(i * n) + j] += vik * vectors[(j * n) + k];
                }
            }
        }

        return result;
    }

    // One Jacobi rotation zeroing m[p, q] (Golub & Van Loan's symmetric Schur step), accumulated into v.
    private static void Rotate(double[] m, double[] v, int n, int p, int q)
    {
        double apq = m[(p * n) + q];
        if (apq == 0)
        {
            return;
        }

        double app = m[(p * n) + p], aqq = m[(q * n) + q];
        double tau = (aqq - app) / (2 * apq);
        double t = Math.Sign(tau) == 0 ? 1 : Math.Sign(tau) / (Math.Abs(tau) + Math.Sqrt(1 + (tau * tau)));
        double c = 1 / Math.Sqrt(1 + (t * t)), s = t * c;
        for (int k = 0; k < n; k++)
        {
            double mkp = m[(k * n) + p], mkq = m[(k * n) + q];
            m[(k * n) + p] = (c * mkp) - (s * mkq);
            m[(k * n) + q] = (s * mkp) + (c * mkq);
        }

        for (int k = 0; k < n; k++)
        {
            double mpk = m[(p * n) + k], mqk = m[(q * n) + k];
            m[(p * n) + k] = (c * mpk) - (s * mqk);
            m[(q * n) + k] = (s * mpk) + (c * mqk);
        }

        for (int k = 0; k < n; k++)
        {
            double vkp = v[(k * n) + p], vkq = v[(k * n) + q];
            v[(k * n) + p] = (c * vkp) - (s * vkq);
            v[(k * n) + q] = (s * vkp) + (c * vkq);
        }
    }
}
