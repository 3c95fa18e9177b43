namespace Sieve.Compression.Coding.Internal;

/// <summary>Distinct symbols in ascending order with their counts (by sorting a copy: O(N log N), no dictionary churn).</summary>
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
