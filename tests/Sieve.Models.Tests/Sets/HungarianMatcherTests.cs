using Sieve.Models.Sets;

namespace Sieve.Models.Tests.Sets;

public class HungarianMatcherTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(5)]
    [InlineData(7)]
    public void Finds_the_least_total_cost_that_brute_force_finds(int n)
    {
        var random = new Random(100 + n);
        var work = new HungarianMatcher.Workspace(n);
        var assignment = new int[n];
        for (int trial = 0; trial < 60; trial++)
        {
            // Integer costs make ties common (several optimal assignments): only the total is unique.
            double[] cost = [.. Enumerable.Range(0, n * n).Select(_ => trial % 2 == 0 ? random.Next(0, 6) : (random.NextDouble() * 20) - 5)];
            HungarianMatcher.Match(cost, n, assignment, work);

            Assert.Equal(Enumerable.Range(0, n), assignment.Order());   // a permutation
            Assert.Equal(BruteForce(cost, n), HungarianMatcher.Cost(cost, n, assignment), 9);
        }
    }

    [Fact]
    public void Solves_a_hand_checked_three_by_three()
    {
        // Rows: workers, columns: jobs. The cheapest is 0->1 (1), 1->0 (2), 2->2 (2): total 5.
        double[] cost = [4, 1, 3, 2, 0, 5, 3, 2, 2];
        int[] assignment = HungarianMatcher.Match(cost, 3);
        Assert.Equal([1, 0, 2], assignment);
        Assert.Equal(5, HungarianMatcher.Cost(cost, 3, assignment));
    }

    [Fact]
    public void Rejects_a_matrix_of_the_wrong_size() =>
        Assert.Throws<ArgumentException>(() => HungarianMatcher.Match(new double[5], 2));

    private static double BruteForce(double[] cost, int n)
    {
        double best = double.PositiveInfinity;
        foreach (int[] permutation in Permutations.Of(n))
        {
            best = Math.Min(best, HungarianMatcher.Cost(cost, n, permutation));
        }

        return best;
    }
}
