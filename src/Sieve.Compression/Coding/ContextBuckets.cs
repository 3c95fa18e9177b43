namespace Sieve.Compression.Coding;

/// <summary>
/// Splits rows into contexts by an earlier column's decoded index (or its magnitude): each context
/// gets its own probability model, so a column whose spread depends on another (jet eta on pT,
/// the mass residual on pT) is coded with the narrower distribution of its context.
/// </summary>
/// <param name="Source">Column whose decoded index picks the context; coded earlier.</param>
/// <param name="Absolute">Whether the context is chosen by |index| (a symmetric variable such as eta).</param>
/// <param name="Edges">Strictly ascending edges; context = number of edges &lt;= the (absolute) index, so there are Edges.Count + 1 contexts.</param>
public sealed record ContextBuckets(int Source, bool Absolute, IReadOnlyList<int> Edges)
{
    /// <summary>Most edges (so at most 64 contexts): more contexts cost more model bytes than they save on any table this coder sees.</summary>
    public const int MaxEdges = 63;

    /// <summary>Number of contexts.</summary>
    public int Count => Edges.Count + 1;

    /// <summary>The context of a row whose source index is <paramref name="index"/>.</summary>
    public int Of(int index)
    {
        long key = Absolute ? Math.Abs((long)index) : index;
        int lo = 0, hi = Edges.Count;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (Edges[mid] <= key)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    /// <summary>
    /// Edges at the quantiles of <paramref name="source"/> (or its magnitude) for
    /// <paramref name="contexts"/> equally populated contexts; null when the values do not split.
    /// </summary>
    public static ContextBuckets? AtQuantiles(int sourceColumn, ReadOnlySpan<int> source, bool absolute, int contexts)
    {
        if (contexts < 2 || source.Length < contexts)
        {
            return null;
        }

        long[] sorted = new long[source.Length];
        for (int i = 0; i < source.Length; i++)
        {
            sorted[i] = absolute ? Math.Abs((long)source[i]) : source[i];
        }

        Array.Sort(sorted);
        var edges = new List<int>();
        for (int c = 1; c < contexts; c++)
        {
            long edge = sorted[(long)c * sorted.Length / contexts];
            if (edge > sorted[0] && edge <= int.MaxValue && (edges.Count == 0 || edge > edges[^1]))
            {
                edges.Add((int)edge);
            }
        }

        return edges.Count == 0 ? null : new ContextBuckets(sourceColumn, absolute, edges);
    }
}
