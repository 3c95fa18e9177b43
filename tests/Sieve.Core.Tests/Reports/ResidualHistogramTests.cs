using Sieve.Reports;

namespace Sieve.Core.Tests.Reports;

public class ResidualHistogramTests
{
    private static double[] Gaussian(int n, double sigma, int seed)
    {
        var rng = new Random(seed);
        var x = new double[n];
        for (int i = 0; i < n; i++)
        {
            double u1 = 1.0 - rng.NextDouble();
            x[i] = sigma * Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * rng.NextDouble());
        }

        return x;
    }

    [Fact]
    public void SavePng_writes_a_drawn_png()
    {
        using var output = new ReportTestOutput("histogram");
        double[] values = Gaussian(5_000, 0.02, 3);
        values[0] = 50; // an outlier that would squash the histogram without clipping
        string path = Path.Combine(output.Directory, "residual_test.png");

        ResidualHistogram.SavePng(path, "pt", values, "(reco - true) / true", "pt > 0 GeV");

        PngAssert.IsDrawnPng(path, ResidualHistogram.Width, ResidualHistogram.Height);
        Assert.Single(Directory.GetFiles(output.Directory)); // no temporary file left behind
    }

    [Fact]
    public void SavePng_handles_empty_and_constant_values()
    {
        using var output = new ReportTestOutput("histogram-edge");
        string empty = Path.Combine(output.Directory, "empty.png");
        string constant = Path.Combine(output.Directory, "constant.png");
        ResidualHistogram.SavePng(empty, "m", [], "x", null);
        ResidualHistogram.SavePng(constant, "eta", [0.0, 0.0, 0.0, double.NaN], "x", null);
        Assert.True(new FileInfo(empty).Length > 1_000);
        Assert.True(new FileInfo(constant).Length > 1_000);
    }

    [Fact]
    public void Binning_clips_to_quantiles_and_counts_overflow()
    {
        double[] values = new double[1000];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = i; // 0 .. 999
        }

        values[999] = 1e9;
        HistogramBinning b = HistogramBinning.From([.. values, double.NaN, double.PositiveInfinity]);
        // Finite sorted sample: 0, 1, ..., 998, 1e9 (n = 1000). Linear quantiles (numpy's default):
        // Q0.005 at h = 999 * 0.005 = 4.995 -> 4.995; Q0.995 at h = 994.005 -> 994 + 0.005 * (995 - 994).
        Assert.Equal(4.995, b.Low, 9);
        Assert.Equal(994.005, b.High, 9);
        Assert.Equal(5, b.Underflow);          // 0..4
        Assert.Equal(5, b.Overflow);           // 995..998 and 1e9
        Assert.Equal(2, b.NonFinite);          // NaN and +inf are not binned
        Assert.Equal(1000 - 10, b.Counts.Sum());
        Assert.InRange(b.Counts.Length, 10, 100);
    }
}
