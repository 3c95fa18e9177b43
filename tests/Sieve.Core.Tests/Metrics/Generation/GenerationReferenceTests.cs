using System.Globalization;
using System.Text.Json;
using Sieve.Core.Metrics.Generation;

namespace Sieve.Core.Tests.Metrics.Generation;

/// <summary>
/// W1, the Fréchet distance and FPD's extrapolation fit against scipy's values for the same committed
/// samples (tests/fixtures/generation/reference.py: scipy.stats.wasserstein_distance,
/// scipy.linalg.sqrtm, scipy.optimize.curve_fit).
/// </summary>
public sealed class GenerationReferenceTests
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "fixtures", "generation");
    private static readonly JsonElement Reference = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, "reference.json"))).RootElement;

    public static TheoryData<string> W1Files() => [.. Reference.GetProperty("w1").EnumerateArray().Select(e => e.GetProperty("file").GetString()!)];

    public static TheoryData<string> FdFiles() => [.. Reference.GetProperty("fd").EnumerateArray().Select(e => e.GetProperty("file").GetString()!)];

    [Theory]
    [MemberData(nameof(W1Files))]
    public void W1MatchesScipy(string file)
    {
        JsonElement expected = Case("w1", "file", file);
        double[][] columns = ReadColumns(file);
        int nu = expected.GetProperty("u_rows").GetInt32(), nv = expected.GetProperty("v_rows").GetInt32();
        double[] u = columns[0][..nu], wu = columns[1][..nu], v = columns[2][..nv], wv = columns[3][..nv];

        AssertRelative(expected.GetProperty("unweighted").GetDouble(), Wasserstein.Distance(u, v), 1e-9);
        AssertRelative(expected.GetProperty("weighted").GetDouble(), Wasserstein.Distance(u, wu, v, wv), 1e-9);
    }

    [Theory]
    [MemberData(nameof(FdFiles))]
    public void FrechetDistanceMatchesScipySqrtm(string file)
    {
        JsonElement expected = Case("fd", "file", file);
        double[][] columns = ReadColumns(file);
        int f = columns.Length - 1;
        SampleMatrix a = Rows(columns, 0), b = Rows(columns, 1);
        Assert.Equal(f, a.Features);

        double value = FrechetDistance.Of(a, b);

        if (file.Contains("singular", StringComparison.Ordinal))
        {
            // Eigenvalues of ~1e-8 (one feature nearly a copy of another) are known only to about
            // eps * ||C|| ~ 1e-16, so their square roots only to ~sqrt(eps) ~ 1e-8: scipy's sqrtm, numpy's
            // eigh route and ours differ by up to 5e-8 here. That is the problem's own limit, not a
            // tolerance of the method: checked as an absolute 1e-7.
            Assert.Equal(expected.GetProperty("frechet").GetDouble(), value, 1e-7);
            Assert.Equal(expected.GetProperty("frechet_symmetric").GetDouble(), value, 1e-7);
            return;
        }

        AssertRelative(expected.GetProperty("frechet").GetDouble(), value, 1e-9);
        AssertRelative(expected.GetProperty("frechet_symmetric").GetDouble(), value, 1e-9);
    }

    [Fact]
    public void ExtrapolationFitMatchesCurveFit()
    {
        JsonElement expected = Case("fit", "case", "positive");
        LineFit fit = LineFit.NonNegative(Doubles(expected, "x"), Doubles(expected, "y"));

        AssertRelative(expected.GetProperty("intercept").GetDouble(), fit.Intercept, 1e-6);
        AssertRelative(expected.GetProperty("slope").GetDouble(), fit.Slope, 1e-6);
        AssertRelative(expected.GetProperty("intercept_error").GetDouble(), fit.InterceptError, 1e-6);
    }

    [Fact]
    public void ExtrapolationFitOnTheBoundMatchesCurveFitToItsTolerance()
    {
        // The unconstrained slope is negative: the exact optimum is slope 0, intercept = mean y;
        // curve_fit's iterative solver stops near it (its slope ~1e-6 instead of 0).
        JsonElement expected = Case("fit", "case", "clamped");
        double[] x = Doubles(expected, "x"), y = Doubles(expected, "y");
        LineFit fit = LineFit.NonNegative(x, y);

        Assert.Equal(0, fit.Slope);
        Assert.Equal(y.Average(), fit.Intercept, 12);
        Assert.Equal(expected.GetProperty("intercept").GetDouble(), fit.Intercept, 6);
        AssertRelative(expected.GetProperty("intercept_error").GetDouble(), fit.InterceptError, 1e-3);
    }

    [Fact]
    public void FpdSizesAreJetNetsRegularIntervalsInOneOverN()
    {
        JsonElement expected = Case("fit", "case", "positive");
        int[] sizes = [.. expected.GetProperty("batch_sizes").EnumerateArray().Select(e => e.GetInt32())];
        var rows = new SampleMatrix(["a"], [.. Enumerable.Range(0, 60_000).Select(i => (double)(i % 97))], 60_000);

        FpdResult result = FrechetPhysicsDistance.Compute(rows, rows, new FpdOptions { Batches = 1 });

        Assert.Equal(sizes, result.SampleSizes);
    }

    private static JsonElement Case(string group, string key, string name) =>
        Reference.GetProperty(group).EnumerateArray().Single(e => e.GetProperty(key).GetString() == name);

    private static double[] Doubles(JsonElement e, string name) => [.. e.GetProperty(name).EnumerateArray().Select(v => v.GetDouble())];

    private static double[][] ReadColumns(string file)
    {
        string[] lines = File.ReadAllLines(Path.Combine(Folder, file));
        int width = lines[0].Split(',').Length;
        var columns = Enumerable.Range(0, width).Select(_ => new List<double>()).ToArray();
        foreach (string line in lines.Skip(1))
        {
            string[] cells = line.Split(',');
            for (int j = 0; j < width; j++)
            {
                columns[j].Add(double.Parse(cells[j], CultureInfo.InvariantCulture));
            }
        }

        return [.. columns.Select(c => c.ToArray())];
    }

    // Rows whose first column ("sample") equals label, as a sample of the remaining columns.
    private static SampleMatrix Rows(double[][] columns, int label)
    {
        int f = columns.Length - 1;
        var values = new List<double>();
        for (int r = 0; r < columns[0].Length; r++)
        {
            if (columns[0][r] == label)
            {
                for (int j = 1; j <= f; j++)
                {
                    values.Add(columns[j][r]);
                }
            }
        }

        return new SampleMatrix([.. Enumerable.Range(0, f).Select(i => $"f{i}")], [.. values], values.Count / f);
    }

    private static void AssertRelative(double expected, double actual, double tolerance)
    {
        double relative = Math.Abs(actual - expected) / Math.Max(Math.Abs(expected), double.Epsilon);
        Assert.True(relative <= tolerance, $"expected {expected:R}, got {actual:R} (relative difference {relative:E2} > {tolerance:E0})");
    }
}
