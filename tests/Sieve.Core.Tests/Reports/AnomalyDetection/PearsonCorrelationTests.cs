using Sieve.Reports.AnomalyDetection;

namespace Sieve.Core.Tests.Reports.AnomalyDetection;

public class PearsonCorrelationTests
{
    [Fact]
    public void Matches_a_hand_computed_value()
    {
        // x = 1..5, y = 2, 4, 5, 4, 5: means 3 and 4, Sxy = 6, Sxx = 10, Syy = 6, r = 6 / sqrt(60).
        double r = PearsonCorrelation.Compute([1.0, 2, 3, 4, 5], [2.0, 4, 5, 4, 5]);
        Assert.Equal(6 / Math.Sqrt(60), r, 12);
    }

    [Fact]
    public void Is_one_for_a_linear_relation_even_with_a_large_offset()
    {
        // A one-pass formula loses every digit here; the two-pass one keeps them.
        double[] x = [.. Enumerable.Range(0, 100).Select(i => 1e9 + i)];
        double[] y = [.. x.Select(v => (3 * v) + 7)];
        Assert.Equal(1.0, PearsonCorrelation.Compute(x, y), 9);
    }

    [Fact]
    public void Is_undefined_for_constant_input_and_skips_non_finite_pairs()
    {
        Assert.True(double.IsNaN(PearsonCorrelation.Compute([1.0, 1, 1], [1.0, 2, 3])));
        Assert.True(double.IsNaN(PearsonCorrelation.Compute([1.0], [2.0])));
        Assert.Equal(-1.0, PearsonCorrelation.Compute([1, 2, 3, 4], [4.0, double.NaN, 2, 1]), 12);
    }

    [Fact]
    public void Multiplicity_overload_sees_the_tracking_score()
    {
        (int[] m, double[] s) = ScoreVsMultiplicityPlotTests.Tracking(20_000, 33);
        Assert.InRange(PearsonCorrelation.Compute(m, s), 0.5, 0.95);
        Assert.Throws<ArgumentException>(() => PearsonCorrelation.Compute([1, 2], [1.0]));
    }
}
