namespace Sieve.Models.Tests.Sets;

/// <summary>Every permutation of 0 .. n-1 (n! of them, each a fresh array), for brute-force references.</summary>
internal static class Permutations
{
    public static IEnumerable<int[]> Of(int n)
    {
        int[] items = [.. Enumerable.Range(0, n)];
        return Walk(items, 0);
    }

    private static IEnumerable<int[]> Walk(int[] items, int from)
    {
        if (from == items.Length)
        {
            yield return (int[])items.Clone();
            yield break;
        }

        for (int i = from; i < items.Length; i++)
        {
            (items[from], items[i]) = (items[i], items[from]);
            foreach (int[] p in Walk(items, from + 1))
            {
                yield return p;
            }

            (items[from], items[i]) = (items[i], items[from]);
        }
    }
}
