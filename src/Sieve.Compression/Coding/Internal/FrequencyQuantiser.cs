namespace Sieve.Compression.Coding.Internal;

/// <summary>
/// Turns symbol counts into frequencies that sum to exactly <see cref="FrequencyModel.Total"/>,
/// with every used symbol at least 1 (a zero frequency would make it uncodable).
/// </summary>
/// <remarks>
/// First each count is scaled and rounded; the rounding leaves the sum a little off. The
/// difference is then settled one unit at a time, each time on the symbol where the change costs
/// the fewest coded bits (count * log2 of the frequency ratio), so the quantised model stays
/// within a hair of the empirical entropy even with many rare symbols bumped up to 1.
/// </remarks>
internal static class FrequencyQuantiser
{
    public static uint[] Quantise(ReadOnlySpan<long> counts, uint total)
    {
        long sum = 0;
        int used = 0;
        foreach (long c in counts)
        {
            sum += c;
            used += c > 0 ? 1 : 0;
        }

        if (used == 0 || used > total)
        {
            throw new ArgumentException($"Cannot quantise {used} used symbols to a total of {total}: need 1..{total} symbols with a nonzero count.", nameof(counts));
        }

        var freq = new uint[counts.Length];
        long assigned = 0;
        for (int i = 0; i < counts.Length; i++)
        {
            if (counts[i] > 0)
            {
                double scaled = (double)counts[i] * total / sum;
                freq[i] = (uint)Math.Clamp(Math.Round(scaled), 1, total);
                assigned += freq[i];
            }
        }

        long diff = total - assigned;
        if (diff > 0)
        {
            // Give the surplus where one more unit saves the most bits.
            var queue = new PriorityQueue<int, double>();
            for (int i = 0; i < counts.Length; i++)
            {
                if (counts[i] > 0)
                {
                    queue.Enqueue(i, -Gain(counts[i], freq[i]));
                }
            }

            for (; diff > 0; diff--)
            {
                int i = queue.Dequeue();
                freq[i]++;
                queue.Enqueue(i, -Gain(counts[i], freq[i]));
            }
        }
        else if (diff < 0)
        {
            // Take the excess where one unit less costs the fewest bits; never below 1.
            var queue = new PriorityQueue<int, double>();
            for (int i = 0; i < counts.Length; i++)
            {
                if (freq[i] > 1)
                {
                    queue.Enqueue(i, Loss(counts[i], freq[i]));
                }
            }

            for (; diff < 0; diff++)
            {
                int i = queue.Dequeue();
                freq[i]--;
                if (freq[i] > 1)
                {
                    queue.Enqueue(i, Loss(counts[i], freq[i]));
                }
            }
        }

        return freq;
    }

    private static double Gain(long count, uint f) => count * Math.Log2((f + 1.0) / f);

    private static double Loss(long count, uint f) => count * Math.Log2(f / (f - 1.0));
}
