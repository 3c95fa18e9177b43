using Sieve.Reports.AnomalyDetection;
using Sieve.Reports.Generation;

namespace Sieve.Core.Tests.Reports.Generation;

/// <summary>What the reference-vs-generated histogram draws: shared bins, normalised densities, the ratio.</summary>
public sealed class ComparisonHistogramTests
{
    [Fact]
    public void ASampleAgainstItselfHasRatioOneWhereverTheReferenceIsFilled()
    {
        double[] x = [.. Enumerable.Range(0, 2000).Select(i => Math.Sin(i * 0.37) * 3)];

        ComparisonBins bins = ComparisonHistogram.Bin(x, x);

        Assert.Equal(bins.Reference, bins.Generated);
        Assert.All(bins.Ratio.Where(double.IsFinite), r => Assert.Equal(1, r));
        Assert.Equal(bins.Reference.Length + 1, bins.Edges.Length);
    }

    [Fact]
    public void DensitiesIntegrateToTheShareInsideTheRange()
    {
        var random = new Random(3);
        double[] reference = [.. Enumerable.Range(0, 5000).Select(_ => random.NextDouble() * 10)];
        double[] generated = [.. Enumerable.Range(0, 1000).Select(i => i < 900 ? 5.0 : 50.0)];

        ComparisonBins bins = ComparisonHistogram.Bin(reference, generated);
        double width = (bins.High - bins.Low) / bins.Reference.Length;

        Assert.Equal((5000.0 - bins.ReferenceOutside) / 5000, bins.Reference.Sum() * width, 9);
        Assert.Equal(100, bins.GeneratedOutside);
        Assert.Equal(0.9, bins.Generated.Sum() * width, 9);
        Assert.Single(bins.Generated, d => d > 0);
    }

    [Fact]
    public void RendersPngAndSvgOfTheStackedPanels()
    {
        double[] x = [.. Enumerable.Range(0, 500).Select(i => (double)(i % 50))];

        byte[] png = ComparisonHistogram.Render("pt", x, x, null, PlotFormat.Png);
        string svg = System.Text.Encoding.UTF8.GetString(ComparisonHistogram.Render("pt", x, x, null, PlotFormat.Svg));

        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
        Assert.Equal(ComparisonHistogram.MainHeight + ComparisonHistogram.RatioHeight, (png[20] << 24) | (png[21] << 16) | (png[22] << 8) | png[23]);
        Assert.Contains($"height=\"{ComparisonHistogram.MainHeight + ComparisonHistogram.RatioHeight}\"", svg, StringComparison.Ordinal);
        Assert.Contains("translate(0,", svg, StringComparison.Ordinal);
    }
}
