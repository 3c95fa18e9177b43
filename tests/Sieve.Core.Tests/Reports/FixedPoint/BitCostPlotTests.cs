using Sieve.Reports.FixedPoint;

namespace Sieve.Core.Tests.Reports.FixedPoint;

public class BitCostPlotTests
{
    [Fact]
    public void Differences_and_auc_are_drawn()
    {
        int[] bits = [.. Enumerable.Range(4, 15)];
        double[] mean = [.. bits.Select(b => Math.Pow(2, -b))];
        double[] max = [.. mean.Select(m => 6 * m)];
        using var output = new ReportTestOutput("bit-cost");
        string path = Path.Combine(output.Directory, "bit-scan.png");
        File.WriteAllBytes(path, BitCostPlot.RenderDifferences(bits, mean, max, "Cost of each bit: ap_fixed<W,6>"));
        PngAssert.IsDrawnPng(path, 900, 600);
        string auc = Path.Combine(output.Directory, "bit-scan-auc.png");
        File.WriteAllBytes(auc, BitCostPlot.RenderAuc(bits, [.. bits.Select(b => 0.9 - Math.Pow(2, -b))], 0.9, "AUC"));
        PngAssert.IsDrawnPng(auc, 900, 600);
    }

    [Fact]
    public void A_zero_difference_is_left_out_and_mismatched_arrays_are_refused()
    {
        byte[] png = BitCostPlot.RenderDifferences([30, 31, 32], [0, 0, 0], [0, 1e-9, 0], "exact");
        Assert.True(png.Length > 5_000);
        Assert.Throws<ArgumentException>(() => BitCostPlot.RenderDifferences([4, 5], [1.0], [1.0, 2.0], "bad"));
        Assert.Throws<ArgumentException>(() => BitCostPlot.RenderAuc([], [], 0.5, "bad"));
    }
}
