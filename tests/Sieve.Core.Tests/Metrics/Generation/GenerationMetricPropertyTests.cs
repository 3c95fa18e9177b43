using Sieve.Core.Metrics.Generation;

namespace Sieve.Core.Tests.Metrics.Generation;

/// <summary>Properties of W1 and the Fréchet distances that hold for any sample (seeded random samples).</summary>
public sealed class GenerationMetricPropertyTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void W1OfASampleWithItselfIsZero(int seed)
    {
        double[] u = Normal(new Random(seed), 500, 0, 1);

        Assert.Equal(0, Wasserstein.Distance(u, u));
        Assert.Equal(0, Wasserstein.Distance(u, [.. u.Reverse()]));
    }

    [Theory]
    [InlineData(1, 0.5)]
    [InlineData(2, -3.25)]
    [InlineData(3, 100)]
    public void W1OfAShiftIsTheShift(int seed, double shift)
    {
        double[] u = Normal(new Random(seed), 300, 2, 5);
        double[] v = [.. u.Select(x => x + shift)];

        Assert.Equal(Math.Abs(shift), Wasserstein.Distance(u, v), 1e-9 * Math.Max(1, Math.Abs(shift)));
    }

    [Fact]
    public void W1IsSymmetricAndWeightScaleFree()
    {
        var random = new Random(7);
        double[] u = Normal(random, 200, 0, 1), v = Normal(random, 150, 0.4, 2);
        double[] wu = [.. u.Select(_ => random.NextDouble() + 0.1)], wv = [.. v.Select(_ => random.NextDouble() + 0.1)];

        Assert.Equal(Wasserstein.Distance(u, v), Wasserstein.Distance(v, u), 12);
        Assert.Equal(Wasserstein.Distance(u, wu, v, wv), Wasserstein.Distance(v, wv, u, wu), 12);
        Assert.Equal(Wasserstein.Distance(u, wu, v, wv), Wasserstein.Distance(u, [.. wu.Select(w => w * 7)], v, wv), 12);
    }

    [Fact]
    public void IntegerWeightsEqualRepeatedValues()
    {
        double[] u = [0.5, 1.5, 4], v = [1, 2];
        double[] repeated = [0.5, 0.5, 0.5, 1.5, 4, 4];

        Assert.Equal(Wasserstein.Distance(repeated, v), Wasserstein.Distance(u, [3, 1, 2], v, []), 12);
    }

    [Fact]
    public void W1OfTwoPointsIsTheirDistance() => Assert.Equal(2.5, Wasserstein.Distance([1.0], [3.5]));

    [Fact]
    public void W1RefusesNonFiniteValuesAndNegativeWeights()
    {
        Assert.Throws<ArgumentException>(() => Wasserstein.Distance([1.0, double.NaN], [1.0]));
        Assert.Throws<ArgumentException>(() => Wasserstein.Distance([1.0, 2.0], [1.0, -1.0], [1.0], []));
        Assert.Throws<ArgumentException>(() => Wasserstein.Distance([], [1.0]));
    }

    [Fact]
    public void FrechetOfIdenticalGaussiansIsZero()
    {
        GaussianFit fit = GaussianFit.Of(Correlated(new Random(3), 2000, 5, 0));

        Assert.Equal(0, FrechetDistance.Of(fit, fit), 9);
    }

    [Fact]
    public void FrechetOfAMeanShiftAloneIsTheSquaredShift()
    {
        SampleMatrix a = Correlated(new Random(4), 1000, 4, 0);
        double[] shift = [0.5, -1, 2, 0.25];
        var shifted = new SampleMatrix(a.Names, [.. a.Values.Select((x, i) => x + shift[i % 4])], a.Rows);

        double expected = shift.Sum(d => d * d);
        Assert.Equal(expected, FrechetDistance.Of(a, shifted), 9);
    }

    [Fact]
    public void FrechetOfOneDimensionalGaussiansIsTheClosedForm()
    {
        // d^2 = (mu1 - mu2)^2 + (sigma1 - sigma2)^2 in one dimension.
        var a = new GaussianFit([1.0], [4.0]);
        var b = new GaussianFit([-0.5], [0.25]);

        Assert.Equal((1.5 * 1.5) + (1.5 * 1.5), FrechetDistance.Of(a, b), 12);
    }

    [Fact]
    public void FrechetOfDiagonalGaussiansIsTheSumOverFeatures()
    {
        var a = new GaussianFit([0.0, 0.0, 0.0], [1, 0, 0, 0, 9, 0, 0, 0, 0]);
        var b = new GaussianFit([0.0, 1.0, 0.0], [4, 0, 0, 0, 1, 0, 0, 0, 16]);

        // (1 - 2)^2 + 1^2 + (3 - 1)^2 + (0 - 4)^2; the zero variance is a singular covariance.
        Assert.Equal(1 + 1 + 4 + 16, FrechetDistance.Of(a, b), 10);
    }

    [Fact]
    public void FpdOfTwoSamplesFromOneGaussianIsZeroWithinItsError()
    {
        var random = new Random(11);
        SampleMatrix a = Correlated(random, 8000, 3, 0), b = Correlated(random, 8000, 3, 0);

        FpdResult result = FrechetPhysicsDistance.Compute(a, b, new FpdOptions { Normalise = false, Batches = 5 });

        Assert.True(result.Value <= Math.Max(3 * result.Error, 1e-3), $"FPD {result.Value} ± {result.Error}");
        // The finite-N bias: a smaller resample is further away on average.
        Assert.True(result.MeanDistances[0] > result.MeanDistances[^1]);
    }

    [Fact]
    public void FpdOfAMeanShiftFindsTheSquaredShift()
    {
        var random = new Random(12);
        SampleMatrix a = Correlated(random, 8000, 3, 0), b = Correlated(random, 8000, 3, 0);
        var shifted = new SampleMatrix(b.Names, [.. b.Values.Select(x => x + 0.5)], b.Rows);

        FpdResult result = FrechetPhysicsDistance.Compute(a, shifted, new FpdOptions { Normalise = false, Batches = 5 });

        // 3 x 0.5^2 = 0.75, up to the two samples' own sampling noise (std ~0.05 here: the means of
        // 8,000 rows of variance ~3 differ by ~0.03 per feature, times the 0.5 shift, over 3 features).
        Assert.InRange(result.Value, 0.6, 0.9);
        FpdResult again = FrechetPhysicsDistance.Compute(a, shifted, new FpdOptions { Normalise = false, Batches = 5 });
        Assert.Equal(result.MeanDistances, again.MeanDistances);
        Assert.Equal(result.Value, again.Value);
    }

    [Fact]
    public void W1BootstrapIsSeededAndCentredOnTheFullSampleValue()
    {
        var random = new Random(5);
        SampleMatrix a = Correlated(random, 4000, 2, 0), b = Correlated(random, 4000, 2, 1);

        IReadOnlyList<W1Estimate> first = W1Bootstrap.PerFeature(a, b, new BootstrapOptions { Batches = 10 });
        IReadOnlyList<W1Estimate> second = W1Bootstrap.PerFeature(a, b, new BootstrapOptions { Batches = 10 });

        Assert.Equal(first, second);
        foreach (W1Estimate e in first)
        {
            Assert.True(e.Std > 0);
            Assert.InRange(e.Mean, e.Full - (5 * e.Std), e.Full + (5 * e.Std));
        }
    }

    private static double[] Normal(Random random, int n, double mean, double sigma) =>
        [.. Enumerable.Range(0, n).Select(_ => mean + (sigma * Gaussian(random)))];

    // Rows of x = A g + shift with a fixed random A: correlated features.
    private static SampleMatrix Correlated(Random random, int rows, int features, double shift)
    {
        var mix = new Random(99);
        double[] a = [.. Enumerable.Range(0, features * features).Select(_ => Gaussian(mix))];
        var values = new double[rows * features];
        var g = new double[features];
        for (int r = 0; r < rows; r++)
        {
            for (int k = 0; k < features; k++)
            {
                g[k] = Gaussian(random);
            }

            for (int i = 0; i < features; i++)
            {
                double x = shift;
                for (int k = 0; k < features; k++)
                {
                    x += a[(i * features) + k] * g[k];
                }

                values[(r * features) + i] = x;
            }
        }

        return new SampleMatrix([.. Enumerable.Range(0, features).Select(i => $"x{i}")], values, rows);
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
