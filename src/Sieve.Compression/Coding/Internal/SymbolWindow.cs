namespace Sieve.Compression.Coding.Internal;

/// <summary>
/// The contiguous range of symbols a model codes directly; anything outside it is coded as an
/// escape plus raw bits (<see cref="EscapeCoder"/>). Capping the window keeps the model table
/// small when a few outliers (or int.MinValue) would otherwise stretch it to billions of entries.
/// </summary>
internal readonly record struct SymbolWindow(int Lowest, int Span, bool HasEscape)
{
    public int Highest => (int)((long)Lowest + Span - 1);

    public bool Contains(int symbol) => symbol >= Lowest && (long)symbol - Lowest < Span;

    /// <summary>
    /// The window of at most <paramref name="maxSpan"/> consecutive values that holds the most
    /// symbols (two pointers over the sorted distinct values), ending at the largest such value.
    /// </summary>
    public static SymbolWindow Choose(Histogram histogram, int maxSpan)
    {
        int[] values = histogram.Values;
        long[] counts = histogram.Counts;
        long best = -1;
        int bestStart = 0;
        int bestEnd = 0;
        long inside = 0;
        int start = 0;
        for (int end = 0; end < values.Length; end++)
        {
            inside += counts[end];
            while ((long)values[end] - values[start] >= maxSpan)
            {
                inside -= counts[start];
                start++;
            }

            if (inside > best)
            {
                best = inside;
                bestStart = start;
                bestEnd = end;
            }
        }

        int span = (int)((long)values[bestEnd] - values[bestStart] + 1);
        return new SymbolWindow(values[bestStart], span, best < histogram.Total);
    }
}
