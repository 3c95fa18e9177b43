using System.Globalization;
using Sieve.Core.Metrics;
using Sieve.Core.Normalisation;

namespace Sieve.Core.Tests.Normalisation;

/// <summary>Decompressed values keep only the digits their quantiser resolves, and never move by more than that.</summary>
public class PrintedPrecisionTests
{
    [Fact]
    public void Rounding_stays_within_the_resolution_and_prints_short()
    {
        var rng = new Random(8);
        for (int i = 0; i < 20_000; i++)
        {
            double x = (rng.NextDouble() - 0.5) * Math.Pow(10, rng.Next(-3, 7));
            double r = Math.Pow(10, -6 + (8 * rng.NextDouble()));
            double scale = rng.Next(2) == 0 ? 1 : 1000;
            double y = PrintedPrecision.Round(x, r, scale);
            Assert.True(Math.Abs(y - x) <= r * (1 + 1e-9) + (Math.Abs(x) * 1e-15), $"{x} -> {y} with resolution {r}");
            if (scale == 1)
            {
                // The shortest text of the result has no more decimals than the resolution needs.
                string text = y.ToString("R", CultureInfo.InvariantCulture);
                int decimals = text.Contains('E', StringComparison.Ordinal) ? 0 : text.Contains('.', StringComparison.Ordinal) ? text.Length - text.IndexOf('.', StringComparison.Ordinal) - 1 : 0;
                Assert.True(decimals <= Math.Max(0, (int)Math.Ceiling(-Math.Log10(2 * r))), $"{text} for resolution {r}");
            }
        }
    }

    [Fact]
    public void The_resolution_is_a_fiftieth_of_the_local_step()
    {
        var identity = new FeatureTransform("eta", TransformFunction.Identity, 1, 0, 0.004, false);
        Assert.Equal(0.004 * PrintedPrecision.StepFraction, PrintedPrecision.Resolution(identity, 1.3), 12);

        // Log-like (relative targets): the step in x grows with x.
        var log = new FeatureTransform("pt", TransformFunction.SignedLog10p1, 10, 0, 0.001, false);
        double at10 = PrintedPrecision.Resolution(log, 10), at1000 = PrintedPrecision.Resolution(log, 1000);
        Assert.InRange(at1000 / at10, 90, 110);

        // Azimuth near +pi: the step does not jump by 2 pi across the wrap.
        var phi = new FeatureTransform("phi", TransformFunction.Identity, 1, 0, 0.01, true);
        Assert.True(PrintedPrecision.Resolution(phi, Math.PI - 0.001) < 0.001);
    }

    [Fact]
    public void Unusable_resolutions_leave_the_value_alone_and_float32_text_is_shortest()
    {
        Assert.Equal(1.2345678901234, PrintedPrecision.Round(1.2345678901234, 0));
        Assert.Equal(1.2345678901234, PrintedPrecision.Round(1.2345678901234, double.NaN));
        Assert.Equal(1.2345678901234, PrintedPrecision.Round(1.2345678901234, 1e-20));
        Assert.Equal("0.1", PrintedPrecision.Float32Shortest(0.1f).ToString("R", CultureInfo.InvariantCulture));
        Assert.Equal(1e300, PrintedPrecision.Float32Shortest(1e300));
        Assert.Equal(1000, PrintedPrecision.PrintScale(eventOutput: true, VariableKind.EnergyLike));
        Assert.Equal(1, PrintedPrecision.PrintScale(eventOutput: true, VariableKind.Angle));
        Assert.Equal(1, PrintedPrecision.PrintScale(eventOutput: false, VariableKind.EnergyLike));
    }
}
