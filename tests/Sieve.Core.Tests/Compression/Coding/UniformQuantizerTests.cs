using Sieve.Compression.Coding;

namespace Sieve.Core.Tests.Compression.Coding;

public class UniformQuantizerTests
{
    [Fact]
    public void Error_is_bounded_by_half_a_step_and_its_rms_is_step_over_sqrt12()
    {
        var rng = new Random(5);
        double[] steps = [0.01, 0.5, 3.0];
        double[] offsets = [0.0, -0.2, 100.0];
        var quantizer = new UniformQuantizer(steps, offsets);
        const int rows = 100_000;
        double[] values = new double[rows * 3];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = (rng.NextDouble() - 0.5) * 2000;
        }

        double[] reco = quantizer.Dequantize(quantizer.Quantize(values));

        for (int d = 0; d < 3; d++)
        {
            double maxAbs = 0;
            double sumSq = 0;
            for (int r = 0; r < rows; r++)
            {
                double e = reco[r * 3 + d] - values[r * 3 + d];
                maxAbs = Math.Max(maxAbs, Math.Abs(e));
                sumSq += e * e;
            }

            double rms = Math.Sqrt(sumSq / rows);
            Assert.True(maxAbs <= steps[d] / 2 * (1 + 1e-9), $"dim {d}: max error {maxAbs} > step/2");
            Assert.InRange(rms / (steps[d] / Math.Sqrt(12)), 0.98, 1.02);
        }
    }

    [Fact]
    public void Step_helpers_follow_the_formulas()
    {
        Assert.Equal(0.1 * Math.Sqrt(12), UniformQuantizer.StepForRms(0.1), 15);
        Assert.Equal(0.02, UniformQuantizer.StepForMaxError(0.01), 15);
        Assert.Throws<ArgumentOutOfRangeException>(() => UniformQuantizer.StepForRms(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => UniformQuantizer.StepForMaxError(double.NaN));
    }

    [Fact]
    public void Max_error_step_bounds_the_error()
    {
        var rng = new Random(6);
        double step = UniformQuantizer.StepForMaxError(0.003);
        var quantizer = UniformQuantizer.Uniform(2, step);
        double[] values = Enumerable.Range(0, 20_000).Select(_ => rng.NextDouble() * 10 - 5).ToArray();

        double[] reco = quantizer.Dequantize(quantizer.Quantize(values));

        Assert.All(values.Zip(reco), p => Assert.True(Math.Abs(p.First - p.Second) <= 0.003 + 1e-12));
    }

    [Fact]
    public void Symbols_are_round_half_up_mid_point_cells()
    {
        var quantizer = new UniformQuantizer([1.0], [0.5]);

        Assert.Equal([0, 0, 1, -1, -1], quantizer.Quantize([0.5, 0.99, 1.0, -0.5, -0.51]));
        Assert.Equal([0.5, 1.5, -0.5], quantizer.Dequantize([0, 1, -1]));
    }

    [Fact]
    public void Overflow_names_the_row_dimension_and_range()
    {
        var quantizer = UniformQuantizer.Uniform(2, 1e-6);

        var e = Assert.Throws<ArgumentOutOfRangeException>(() => quantizer.Quantize([0.0, 1.0, 1e4, 0.0]));

        Assert.Contains("row 1, dimension 0", e.Message);
        Assert.Contains("int range", e.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => quantizer.Quantize([double.NaN, 0.0]));
        Assert.Throws<ArgumentOutOfRangeException>(() => quantizer.Quantize([double.PositiveInfinity, 0.0]));
    }

    [Fact]
    public void Bad_shapes_and_parameters_are_refused()
    {
        var quantizer = UniformQuantizer.Uniform(3, 0.1);

        Assert.Throws<ArgumentException>(() => quantizer.Quantize([1.0, 2.0]));
        Assert.Throws<ArgumentException>(() => quantizer.Dequantize([1, 2]));
        Assert.Throws<ArgumentException>(() => new UniformQuantizer([1.0], []));
        Assert.Throws<ArgumentOutOfRangeException>(() => new UniformQuantizer([0.0], [0.0]));
        Assert.Throws<ArgumentOutOfRangeException>(() => new UniformQuantizer([1.0], [double.NaN]));
    }

    [Fact]
    public void Quantise_then_entropy_code_round_trips_the_symbols()
    {
        var rng = new Random(7);
        var quantizer = UniformQuantizer.Uniform(3, UniformQuantizer.StepForRms(0.01));
        double[] values = Enumerable.Range(0, 30_000).Select(_ => SymbolStreams.Gaussian(rng, 1000) / 1000.0).ToArray();
        int[] symbols = quantizer.Quantize(values);

        SymbolMatrix decoded = EntropyCoder.DecodeColumns(EntropyCoder.EncodeColumns(symbols, 3));

        Assert.Equal(quantizer.Dequantize(symbols), quantizer.Dequantize(decoded.Symbols));
    }
}
