using Sieve.Core.Metrics;

namespace Sieve.Core.Tests.Metrics;

public class SummaryStatisticsTests
{
    // Reference values: numpy is not installed on the machine that wrote these tests, so they come from
    // a pure-Python transcription of numpy's default quantile (method="linear": h = (n-1) q, interpolate
    // between x[floor h] and x[floor h + 1]), mean, sqrt(mean(x^2)) and np.std (ddof=0), printed with repr().
    // Quartiles checked by hand, e.g. for the odd sample sorted = [-2, -1.5, -0.75, 0, 0.5, 1, 2.5, 3.1, 4, 7.25, 10]:
    // Q25 at h = 2.5 -> -0.75 + 0.5 * 0.75 = -0.375; Q75 at h = 7.5 -> 3.1 + 0.5 * 0.9 = 3.55.
    // Equivalent numpy: x = np.array(...); np.mean(x), np.sqrt(np.mean(x**2)), np.std(x),
    //                   (np.quantile(x, .75) - np.quantile(x, .25)) / 1.349, np.median(x)
    [Fact]
    public void Odd_sample_matches_reference()
    {
        double[] x = [3.1, -2.0, 0.5, 7.25, 1.0, -0.75, 4.0, 2.5, -1.5, 0.0, 10.0];
        SummaryStatistics s = SummaryStatistics.FromValues(x);
        Assert.Equal(11, s.Count);
        Assert.Equal(2.190909090909091, s.Mean, 12);
        Assert.Equal(4.183137143775753, s.Rms, 12);
        Assert.Equal(3.5635030123472977, s.Std, 12);
        Assert.Equal(2.909562638991846, s.IqrWidth, 12);
        Assert.Equal(1.0, s.Median, 12);
        Assert.Equal(-2.0, s.Min);
        Assert.Equal(10.0, s.Max);
        Assert.Equal(10.0, s.MaxAbs);
    }

    [Fact]
    public void Even_sample_interpolates_quantiles()
    {
        double[] x = [0.3, -1.2, 2.7, 0.05, -0.4, 1.9, -3.3, 0.8, 0.0, 5.5];
        SummaryStatistics s = SummaryStatistics.FromValues(x);
        Assert.Equal(10, s.Count);
        Assert.Equal(0.635, s.Mean, 12);
        Assert.Equal(2.3317911570292913, s.Rms, 12);
        Assert.Equal(2.243663299160549, s.Std, 12);
        Assert.Equal(1.4269829503335805, s.IqrWidth, 12); // (1.625 - (-0.3)) / 1.349
        Assert.Equal(0.175, s.Median, 12);
        Assert.Equal(5.5, s.MaxAbs);
    }

    [Fact]
    public void MaxAbs_takes_the_negative_side_when_larger()
    {
        SummaryStatistics s = SummaryStatistics.FromValues([-7.0, 1.0, 2.0]);
        Assert.Equal(7.0, s.MaxAbs);
        Assert.Equal(-7.0, s.Min);
    }

    [Fact]
    public void Quantile_matches_hand_values()
    {
        double[] sorted = [1, 2, 3, 4];
        Assert.Equal(1.0, Quantile.OfSorted(sorted, 0));
        Assert.Equal(4.0, Quantile.OfSorted(sorted, 1));
        Assert.Equal(1.75, Quantile.OfSorted(sorted, 0.25), 12); // h = 0.75
        Assert.Equal(2.5, Quantile.OfSorted(sorted, 0.5), 12);
        Assert.Equal(42.0, Quantile.OfSorted([42.0], 0.3));
        Assert.True(double.IsNaN(Quantile.OfSorted([], 0.5)));
        Assert.Throws<ArgumentOutOfRangeException>(() => Quantile.OfSorted(sorted, 1.5));
    }

    [Fact]
    public void Empty_and_NaN_values()
    {
        SummaryStatistics empty = SummaryStatistics.FromValues([]);
        Assert.Equal(0, empty.Count);
        Assert.True(double.IsNaN(empty.Mean));
        Assert.True(double.IsNaN(empty.IqrWidth));

        SummaryStatistics s = SummaryStatistics.FromValues([1.0, double.NaN, 3.0]);
        Assert.Equal(2, s.Count);
        Assert.Equal(2.0, s.Mean, 12);
    }

    [Fact]
    public void Gaussian_sample_has_iqr_width_close_to_sigma()
    {
        var rng = new Random(11);
        var x = new double[200_000];
        for (int i = 0; i < x.Length; i++)
        {
            double u1 = 1.0 - rng.NextDouble();
            double u2 = rng.NextDouble();
            x[i] = 0.5 + (2.0 * Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2));
        }

        SummaryStatistics s = SummaryStatistics.FromValues(x);
        Assert.Equal(0.5, s.Mean, 1);
        Assert.InRange(s.Std, 1.98, 2.02);
        Assert.InRange(s.IqrWidth, 1.97, 2.03);
        Assert.Equal(Math.Sqrt((s.Std * s.Std) + (s.Mean * s.Mean)), s.Rms, 9);
    }
}
