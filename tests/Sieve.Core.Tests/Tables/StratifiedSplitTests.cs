using Sieve.Core.Tables;

namespace Sieve.Core.Tests.Tables;

public class StratifiedSplitTests
{
    private static int[] Labels(int background, int signal) => [.. Enumerable.Repeat(0, background), .. Enumerable.Repeat(1, signal)];

    [Theory]
    [InlineData(700, 300, 0.2, 0.2)]
    [InlineData(3500, 3500, 0.2, 0.2)]
    [InlineData(101, 13, 0.15, 0.3)]
    public void Parts_are_disjoint_cover_every_row_and_keep_each_class_share(int background, int signal, double validation, double test)
    {
        int[] labels = Labels(background, signal);
        StratifiedSplit split = StratifiedSplit.Create(labels, validation, test, seed: 3);

        int[] all = [.. split.Train, .. split.Validation, .. split.Test];
        Assert.Equal(labels.Length, all.Distinct().Count());
        Assert.Equal(labels.Length, all.Length);
        foreach ((int label, int count) in new[] { (0, background), (1, signal) })
        {
            // Per class the held-out parts are round(n x fraction): stratified, not just on average.
            Assert.Equal((int)Math.Round(count * test), split.Test.Count(i => labels[i] == label));
            Assert.Equal((int)Math.Round(count * validation), split.Validation.Count(i => labels[i] == label));
        }
    }

    [Fact]
    public void Same_seed_same_split_and_another_seed_another()
    {
        int[] labels = Labels(500, 500);
        StratifiedSplit a = StratifiedSplit.Create(labels, 0.2, 0.2, 42);
        StratifiedSplit b = StratifiedSplit.Create(labels, 0.2, 0.2, 42);
        StratifiedSplit c = StratifiedSplit.Create(labels, 0.2, 0.2, 43);
        Assert.Equal(a.Test, b.Test);
        Assert.Equal(a.Train, b.Train);
        Assert.NotEqual(a.Test, c.Test);
    }

    [Theory]
    [InlineData(0.5, 0.5)]
    [InlineData(-0.1, 0.2)]
    public void Fractions_that_leave_nothing_to_train_on_are_refused(double validation, double test)
    {
        Assert.Throws<ArgumentException>(() => StratifiedSplit.Create(Labels(10, 10), validation, test, 1));
    }
}
