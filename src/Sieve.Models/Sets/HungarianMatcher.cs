namespace Sieve.Models.Sets;

/// <summary>
/// Minimum-cost perfect matching of an n x n cost matrix (the assignment problem), by the Hungarian
/// method with row and column potentials and shortest augmenting paths: O(n^3), exact. The set
/// autoencoder matches its output objects to the input's slots with it, so that the loss does not
/// depend on the order in which either lists its objects.
/// </summary>
public static class HungarianMatcher
{
    /// <summary>
    /// For each row i of the row-major <paramref name="cost"/> (n x n), the column it is assigned to;
    /// the assignment minimises the total cost. <paramref name="cost"/> must be finite.
    /// </summary>
    public static int[] Match(ReadOnlySpan<double> cost, int n)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        if (cost.Length != n * n)
        {
            throw new ArgumentException($"a {n} x {n} cost matrix has {n * n} entries, got {cost.Length}.", nameof(cost));
        }

        var assignment = new int[n];
        Match(cost, n, assignment, new Workspace(n));
        return assignment;
    }

    /// <summary>Total cost of <paramref name="assignment"/> (row i to column assignment[i]).</summary>
    public static double Cost(ReadOnlySpan<double> cost, int n, ReadOnlySpan<int> assignment)
    {
        double total = 0;
        for (int i = 0; i < n; i++)
        {
            total += cost[(i * n) + assignment[i]];
        }

        return total;
    }

    /// <summary>
    /// The same, writing into <paramref name="assignment"/> and reusing <paramref name="work"/>, for
    /// matching many small sets (one per event in a batch) without allocating.
    /// </summary>
    public static void Match(ReadOnlySpan<double> cost, int n, Span<int> assignment, Workspace work)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (work.Size < n || assignment.Length < n || cost.Length < n * n)
        {
            throw new ArgumentException("the workspace, assignment or cost matrix is smaller than n.");
        }

        // 1-based arrays with a virtual column 0 (the textbook formulation): u, v are the potentials,
        // p[j] the row matched to column j, way[j] the previous column on the augmenting path.
        double[] u = work.U, v = work.V, minv = work.MinV;
        int[] p = work.P, way = work.Way;
        bool[] used = work.Used;
        Array.Clear(u, 0, n + 1);
        Array.Clear(v, 0, n + 1);
        Array.Clear(p, 0, n + 1);
        Array.Clear(way, 0, n + 1);
        for (int i = 1; i <= n; i++)
        {
            p[0] = i;
            int j0 = 0;
            Array.Fill(minv, double.PositiveInfinity, 0, n + 1);
            Array.Clear(used, 0, n + 1);
            do
            {
                used[j0] = true;
                int i0 = p[j0];
                double delta = double.PositiveInfinity;
                int j1 = 0;
                for (int j = 1; j <= n; j++)
                {
                    if (used[j])
                    {
                        continue;
                    }

                    double reduced = cost[((i0 - 1) * n) + (j - 1)] - u[i0] - v[j];
                    if (reduced < minv[j])
                    {
                        minv[j] = reduced;
                        way[j] = j0;
                    }

                    if (minv[j] < delta)
                    {
                        delta = minv[j];
                        j1 = j;
                    }
                }

                for (int j = 0; j <= n; j++)
                {
                    if (used[j])
                    {
                        u[p[j]] += delta;
                        v[j] -= delta;
                    }
                    else
                    {
                        minv[j] -= delta;
                    }
                }

                j0 = j1;
            }
            while (p[j0] != 0);

            // Flip the augmenting path back to the virtual column.
            do
            {
                int j1 = way[j0];
                p[j0] = p[j1];
                j0 = j1;
            }
            while (j0 != 0);
        }

        for (int j = 1; j <= n; j++)
        {
            assignment[p[j] - 1] = j - 1;
        }
    }

    /// <summary>Scratch arrays for <see cref="Match(ReadOnlySpan{double}, int, Span{int}, Workspace)"/> up to a size.</summary>
    public sealed class Workspace(int size)
    {
        internal double[] U { get; } = new double[size + 1];

        internal double[] V { get; } = new double[size + 1];

        internal double[] MinV { get; } = new double[size + 1];

        internal int[] P { get; } = new int[size + 1];

        internal int[] Way { get; } = new int[size + 1];

        internal bool[] Used { get; } = new bool[size + 1];

        /// <summary>The largest n it serves.</summary>
        public int Size { get; } = size;
    }
}
