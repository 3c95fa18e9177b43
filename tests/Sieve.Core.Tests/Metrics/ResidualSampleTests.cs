using Sieve.Core.Metrics;

namespace Sieve.Core.Tests.Metrics;

public sealed class ResidualSampleTests
{
    private static double[] Gaussian(int n, int seed)
    {
        var rng = new Random(seed);
        return [.. Enumerable.Range(0, n).Select(_ => Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble()))];
    }

    [Fact]
    public void Up_to_its_capacity_the_summary_is_that_of_all_values()
    {
        double[] values = [.. Gaussian(5000, 1), double.NaN, double.NaN];
        var sample = new ResidualSample(capacity: 5000);
        foreach (double v in values)
        {
            sample.Add(v);
        }

        Assert.False(sample.IsSampled);
        Assert.Equal(2, sample.NaNCount);
        Assert.Equal(SummaryStatistics.FromValues(values), sample.Summary());
    }

    [Fact]
    public void Past_its_capacity_moments_and_extremes_stay_exact_and_quantiles_come_close()
    {
        double[] values = Gaussian(200_000, 2);
        var sample = new ResidualSample(capacity: 20_000);
        foreach (double v in values)
        {
            sample.Add(v);
        }

        SummaryStatistics all = SummaryStatistics.FromValues(values), sampled = sample.Summary();
        Assert.True(sample.IsSampled);
        Assert.Equal(20_000, sample.Kept.Count);
        Assert.Equal(all.Count, sampled.Count);
        Assert.Equal(all.Mean, sampled.Mean, 12);
        Assert.Equal(all.Rms, sampled.Rms, 12);
        Assert.Equal(all.Std, sampled.Std, 12);
        Assert.Equal(all.Min, sampled.Min);
        Assert.Equal(all.Max, sampled.Max);
        Assert.Equal(all.MaxAbs, sampled.MaxAbs);
        // A uniform sample of 20,000: the median's rank error is about 0.5 / sqrt(20000) = 0.35 %,
        // about 0.009 sigma for a Gaussian; allow five times that.
        Assert.Equal(all.Median, sampled.Median, 0.045);
        Assert.Equal(all.IqrWidth, sampled.IqrWidth, 0.06);
    }

    [Fact]
    public void The_sample_is_the_same_on_every_run()
    {
        double[] values = Gaussian(50_000, 3);
        ResidualSample Fill()
        {
            var s = new ResidualSample(capacity: 1000, seed: 7);
            foreach (double v in values)
            {
                s.Add(v);
            }

            return s;
        }

        Assert.Equal(Fill().Kept, Fill().Kept);
    }

    [Fact]
    public void Every_value_is_equally_likely_to_be_kept()
    {
        // 100 values into a sample of 10, 20,000 times: each value is kept with probability 0.1.
        var kept = new int[100];
        for (int run = 0; run < 20_000; run++)
        {
            var s = new ResidualSample(capacity: 10, seed: run);
            for (int i = 0; i < 100; i++)
            {
                s.Add(i);
            }

            foreach (double v in s.Kept)
            {
                kept[(int)v]++;
            }
        }

        // Expected 2000 each, standard deviation sqrt(20000 * 0.1 * 0.9) = 42; allow 5 sigma.
        Assert.All(kept, k => Assert.InRange(k, 2000 - 212, 2000 + 212));
    }
}
