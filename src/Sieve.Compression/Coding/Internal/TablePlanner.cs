namespace Sieve.Compression.Coding.Internal;

/// <summary>
/// Chooses how <see cref="TableCoder"/> codes a table, by estimating and then measuring:
/// a greedy coding order (next: the column cheapest to code given those already coded), for each
/// column the predictor that minimises the empirical entropy of its symbols, and the contexts
/// (source, by value or magnitude, 2 / 4 / 8 quantile buckets) that make its coded bytes smallest.
/// </summary>
/// <remarks>
/// Candidate sources are the coded columns most correlated with the column (at most
/// <see cref="MaxSources"/>), so planning stays O(dims^2 rows) for wide event tables. Planning
/// looks at the first <see cref="PlanningRows"/> rows only; the plan then codes every row.
/// </remarks>
internal static class TablePlanner
{
    public const int MaxSources = 3;
    public const int PlanningRows = 1 << 18;

    private static readonly int[] ContextCounts = [2, 4, 8];

    public static IReadOnlyList<ColumnPlan> Choose(int[][] columns, bool trellis, ModelKind kind)
    {
        int dims = columns.Length;
        int rows = columns[0].Length;
        int[][] sample = rows > PlanningRows ? [.. columns.Select(c => c[..PlanningRows])] : columns;
        double[,] correlation = Correlations(sample);
        var estimates = new Dictionary<(int Column, int Source), (double Bits, LinearPredictor? Predictor)>();
        var coded = new List<int>();
        var remaining = new List<int>(Enumerable.Range(0, dims));
        var plan = new List<ColumnPlan>(dims);
        while (remaining.Count > 0)
        {
            int best = -1;
            (double Bits, LinearPredictor? Predictor) bestChoice = (double.PositiveInfinity, null);
            foreach (int column in remaining)
            {
                foreach (int source in Sources(column, coded, correlation).Prepend(-1))
                {
                    if (!estimates.TryGetValue((column, source), out var choice))
                    {
                        choice = Estimate(sample, column, source, trellis);
                        estimates[(column, source)] = choice;
                    }

                    if (choice.Bits < bestChoice.Bits)
                    {
                        (best, bestChoice) = (column, choice);
                    }
                }
            }

            plan.Add(ChooseContext(sample, trellis, kind, new ColumnPlan(best, bestChoice.Predictor, null), Sources(best, coded, correlation)));
            coded.Add(best);
            remaining.Remove(best);
        }

        return plan;
    }

    // Empirical entropy of the column's symbols with no predictor (source -1) or the fitted one.
    private static (double Bits, LinearPredictor? Predictor) Estimate(int[][] columns, int column, int source, bool trellis)
    {
        LinearPredictor? predictor = source < 0 ? null : LinearPredictor.Fit(source, columns[source], columns[column]);
        if (source >= 0 && predictor is null)
        {
            return (double.PositiveInfinity, null);
        }

        int[] predictions = predictor is null ? [] : TableCoder.Predictions(predictor, columns[source]);
        int[] symbols = ColumnSymbols.FromIndices(columns[column], predictions, trellis, column);
        return (Entropy(symbols), predictor);
    }

    private static ColumnPlan ChooseContext(int[][] columns, bool trellis, ModelKind kind, ColumnPlan plain, IEnumerable<int> sources)
    {
        ColumnPlan best = plain;
        long bestBytes = TableCoder.ColumnBytes(columns, trellis, plain, kind);
        foreach (int source in sources)
        {
            bool signed = columns[source].Any(v => v < 0);
            foreach (bool absolute in signed ? new[] { false, true } : [false])
            {
                foreach (int count in ContextCounts)
                {
                    ContextBuckets? context = ContextBuckets.AtQuantiles(source, columns[source], absolute, count);
                    if (context is null)
                    {
                        continue;
                    }

                    ColumnPlan candidate = plain with { Context = context };
                    long bytes = TableCoder.ColumnBytes(columns, trellis, candidate, kind);
                    if (bytes < bestBytes)
                    {
                        (best, bestBytes) = (candidate, bytes);
                    }
                }
            }
        }

        return best;
    }

    private static IEnumerable<int> Sources(int column, List<int> coded, double[,] correlation) =>
        coded.OrderByDescending(c => Math.Abs(correlation[column, c])).ThenBy(c => c).Take(MaxSources);

    private static double[,] Correlations(int[][] columns)
    {
        int dims = columns.Length;
        var means = new double[dims];
        var norms = new double[dims];
        for (int d = 0; d < dims; d++)
        {
            means[d] = columns[d].Length == 0 ? 0 : columns[d].Average(v => (double)v);
            norms[d] = Math.Sqrt(columns[d].Sum(v => (v - means[d]) * (v - means[d])));
        }

        var correlation = new double[dims, dims];
        for (int a = 0; a < dims; a++)
        {
            for (int b = 0; b < a; b++)
            {
                double sum = 0;
                int[] x = columns[a], y = columns[b];
                for (int r = 0; r < x.Length; r++)
                {
                    sum += (x[r] - means[a]) * (y[r] - means[b]);
                }

                double r2 = norms[a] > 0 && norms[b] > 0 ? sum / (norms[a] * norms[b]) : 0;
                correlation[a, b] = correlation[b, a] = r2;
            }
        }

        return correlation;
    }

    private static double Entropy(int[] symbols)
    {
        var histogram = Histogram.Build(symbols);
        double bits = 0;
        foreach (long count in histogram.Counts)
        {
            bits -= count * Math.Log2((double)count / histogram.Total);
        }

        return bits;
    }
}
