using Sieve.Reports.AnomalyDetection;

namespace Sieve.Core.Tests.Reports.AnomalyDetection;

public class LossCurvePlotTests
{
    internal static (double[] Training, double[] Validation) SeededRun(int epochs, int seed)
    {
        var rng = new Random(seed);
        var train = new double[epochs];
        var valid = new double[epochs];
        for (int e = 0; e < epochs; e++)
        {
            train[e] = (0.02 + (0.5 * Math.Exp(-e / 6.0))) * (1 + (0.02 * AnomalyTestData.Gauss(rng)));
            // Validation flattens and then rises again: over-fitting after about epoch 25.
            valid[e] = (0.025 + (0.5 * Math.Exp(-e / 6.0)) + (0.0004 * Math.Max(0, e - 25))) * (1 + (0.02 * AnomalyTestData.Gauss(rng)));
        }

        return (train, valid);
    }

    [Fact]
    public void Save_writes_a_drawn_png()
    {
        (double[] train, double[] valid) = SeededRun(60, 41);
        using var output = new ReportTestOutput("anomaly-loss");
        string path = Path.Combine(output.Directory, "loss.png");
        var options = new LossCurveOptions { Title = "Dense AE 57-32-16-8 (synthetic data)", LossLabel = "masked MSE" };
        LossCurvePlot.Save(path, train, valid, options);
        PngAssert.IsDrawnPng(path, options.Width, options.Height);
    }

    [Fact]
    public void A_single_epoch_without_validation_is_drawn()
    {
        using var output = new ReportTestOutput("anomaly-loss-single");
        string path = Path.Combine(output.Directory, "loss_single.png");
        LossCurvePlot.Save(path, [0.37]);
        PngAssert.IsDrawnPng(path, 900, 600);
    }

    [Fact]
    public void Non_positive_losses_are_left_out_not_fatal()
    {
        byte[] png = LossCurvePlot.Render([0.5, double.NaN, 0.2, 0.0, 0.1], [0.6, 0.3, double.PositiveInfinity]);
        Assert.True(png.Length > 5_000);
    }

    [Fact]
    public void Best_epoch_is_the_first_minimum_of_finite_losses()
    {
        Assert.Equal(3, LossCurvePlot.BestEpoch([0.5, 0.4, 0.1, 0.1, 0.2]));
        Assert.Equal(2, LossCurvePlot.BestEpoch([double.NaN, 0.3]));
        Assert.Equal(0, LossCurvePlot.BestEpoch([]));
    }

    [Fact]
    public void No_drawable_loss_is_a_clear_argument_error()
    {
        Assert.Throws<ArgumentException>(() => LossCurvePlot.Render([]));
        var e = Assert.Throws<ArgumentException>(() => LossCurvePlot.Render([0.0, double.NaN]));
        Assert.Contains("log axis", e.Message, StringComparison.Ordinal);
    }
}
