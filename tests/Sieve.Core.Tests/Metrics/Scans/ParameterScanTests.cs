using Sieve.Core.Metrics.Scans;

namespace Sieve.Core.Tests.Metrics.Scans;

public class ParameterScanTests
{
    private static ScanPoint P(int value, int seed, double loss) => new(value, seed, loss, $"z{value}-s{seed}");

    [Fact]
    public void The_smallest_value_within_one_standard_error_of_the_lowest_mean_is_picked()
    {
        // Means 0.30, 0.205, 0.20: latent 4 is lowest, but 3 is within its standard error
        // (sd 0.01 over 2 seeds: 0.00707), so the smaller latent wins.
        var scan = new ParameterScan("latent", [P(2, 42, 0.29), P(2, 43, 0.31), P(3, 42, 0.20), P(3, 43, 0.21), P(4, 42, 0.19), P(4, 43, 0.21)]);
        Assert.Equal([2, 3, 4], scan.Values.Select(v => v.Value));
        ScanValueSummary four = scan.Values[2];
        Assert.Equal(0.20, four.Mean, 12);
        Assert.Equal(Math.Sqrt(0.0002), four.StandardDeviation, 12);
        Assert.Equal(0.01, four.StandardError, 12);
        Assert.Equal((0.19, 0.21), (four.Minimum, four.Maximum));
        Assert.Equal(3, scan.Best.Value);

        // Outside the standard error, the lowest mean itself.
        var clear = new ParameterScan("latent", [P(3, 42, 0.25), P(3, 43, 0.25), P(4, 42, 0.19), P(4, 43, 0.21)]);
        Assert.Equal(4, clear.Best.Value);
    }

    [Fact]
    public void One_seed_picks_the_lowest_loss_and_non_finite_losses_are_left_out()
    {
        var scan = new ParameterScan("latent", [P(2, 42, 0.3), P(3, 42, 0.2), P(4, 42, 0.21), P(5, 42, double.NaN)]);
        Assert.Equal(3, scan.Best.Value);
        Assert.Equal(0, scan.Best.StandardDeviation);
        Assert.Equal([2, 3, 4], scan.Values.Select(v => v.Value));
        Assert.Throws<ArgumentException>(() => new ParameterScan("latent", [P(2, 42, double.PositiveInfinity)]));
    }
}
