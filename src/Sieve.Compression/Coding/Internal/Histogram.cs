namespace Sieve.Compression.Coding.Internal;

/// <summary>Distinct symbols in ascending order with their counts: tallied over the range when it is not much wider than the count, else by sorting a copy (no dictionary churn either way).</summary>
internal sealed class Histogram
{
    private Histogram(int[] values, long[] counts, long total)
    {
        Values = values;
        Counts = counts;
        Total = total;
    }

    public int[] Values { get; }

    public long[] Counts { get; }

    public long Total { get; }

    public static Histogram Build(ReadOnlySpan<int> symbols)
    {
        if (symbols.IsEmpty)
        {
            return new Histogram([], [], 0);
        }

        // Symbols usually span a range not much wider than their count: count them directly
        // (linear), and sort only streams that are sparse over a wide range.
        int min = symbols[0], max = symbols[0];
        foreach (int s in symbols)
        {
            min = Math.Min(min, s);
            max = Math.Max(max, s);
        }

        long span = (long)max - min + 1;
        if (span <= Math.Max(4096, 4L * symbols.Length))
        {
            var tally = new long[span];
            foreach (int s in symbols)
            {
                tally[s - min]++;
            }

            int distinct = 0;
            foreach (long c in tally)
            {
                distinct += c > 0 ? 1 : 0;
            }

            var present = new int[distinct];
            var frequencies = new long[distinct];
            for (int v = 0, k = 0; v < tally.Length; v++)
            {
                if (tally[v] > 0)
                {
                    present[k] = (int)(v + min);
                    frequencies[k++] = tally[v];
                }
            }

            return new Histogram(present, frequencies, symbols.Length);
        }

        int[] sorted = symbols.ToArray();
        Array.Sort(sorted);
        var values = new List<int>();
        var counts = new List<long>();
        int i = 0;
        while (i < sorted.Length)
        {
            int j = i;
            while (j < sorted.Length && sorted[j] == sorted[i])
            {
                j++;
            }

            values.Add(sorted[i]);
            counts.Add(j - i);
            i = j;
        }

        return new Histogram([.. values], [.. counts], sorted.Length);
    }
}
