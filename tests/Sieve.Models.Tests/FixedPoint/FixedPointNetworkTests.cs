using Sieve.Models.Autoencoders;
using Sieve.Models.FixedPoint;
using Sieve.Models.Inference;
using Sieve.Models.Tests.Inference;

namespace Sieve.Models.Tests.FixedPoint;

public class FixedPointNetworkTests
{
    private static readonly ApFixedFormat Q84 = ApFixedFormat.Parse("ap_fixed<8,4>");

    [Fact]
    public void A_two_layer_network_by_hand()
    {
        // ap_fixed<8,4> everywhere: F = 4, step 1/16, AP_TRN (floor) and AP_WRAP; products have F = 8.
        var hidden = new DenseLayerWeights(2, 2, [0.5f, -0.25f, 1.0f, 0.75f], [0.125f, -0.5f], ActivationKind.Relu);
        var output = new DenseLayerWeights(2, 1, [0.3f, 2.0f], [0f], null);
        var network = new FixedPointNetwork(new DenseNetworkWeights([hidden, output]), Q84, [LayerPrecision.Uniform(Q84), LayerPrecision.Uniform(Q84)]);

        // Input 0.3 -> 4.8 steps -> 4 (0.25); -0.7 -> -11.2 steps -> -12 (-0.75).
        long[] x = [Q84.Quantise(0.3), Q84.Quantise(-0.7)];
        Assert.Equal([4L, -12L], x);
        // The weight 0.3 -> 4 (0.25); 2.0 -> 32.
        Assert.Equal([4L, 32L], network.Layers[1].Weights.ToArray());

        // Hidden 0: bias 2 + (8 x 4 = 32 -> 32/16 = 2) + (-4 x -12 = 48 -> 3) = 7 (0.4375); ReLU keeps it.
        // Hidden 1: bias -8 + (16 x 4 = 64 -> 4) + (12 x -12 = -144 -> -9) = -13 (-0.8125); ReLU gives 0.
        FixedPointVector h = network.Forward(x, 1);
        Assert.Equal([7L, 0L], h.Raw);
        // Output: 0 + (4 x 7 = 28 at F = 8 -> 28/16 = 1.75 -> floor 1) + (32 x 0) = 1, i.e. 0.0625 (float: 0.3 x 0.45 = 0.135).
        FixedPointVector y = network.Forward(x);
        Assert.Equal([1L], y.Raw);
        Assert.Equal([0.0625], y.Values);
        Assert.Equal(0.135, ReferenceForward.Run(new DenseNetworkWeights([hidden, output]), [0.3f, -0.7f])[0], 6);
    }

    [Theory]
    [InlineData("ap_fixed<6,3>", -16)]                     // 24 + 24 = 48 steps of 1/8, past 31: wraps to 48 - 64 = -16 (-2.0)
    [InlineData("ap_fixed<6,3,AP_TRN,AP_SAT>", 31)]        // saturates at 31 (3.875)
    public void The_accumulator_overflows_by_its_own_mode(string accumulator, long expected)
    {
        var fmt = ApFixedFormat.Parse("ap_fixed<6,3>");
        var layer = new DenseLayerWeights(2, 1, [2f, 2f], [0f], null);
        // Weights, inputs and result wide enough; only the accumulator is ap_fixed<6,3>: each product 1.5 x 2 = 3.0 = 24 steps.
        var wide = ApFixedFormat.Parse("ap_fixed<12,6>");
        var precision = new LayerPrecision(wide, wide, ApFixedFormat.Parse(accumulator), wide, wide, LayerPrecision.DefaultTable);
        var network = new FixedPointNetwork(new DenseNetworkWeights([layer]), fmt, [precision]);
        FixedPointVector y = network.Forward([fmt.Quantise(1.5), fmt.Quantise(1.5)]);
        Assert.Equal(expected * 8, y.Raw[0]);                // result F = 6: eight times the accumulator's raw value
    }

    [Fact]
    public void The_tanh_table_is_read_as_hls4ml_reads_it()
    {
        LookupTable table = LookupTable.Build(ActivationKind.Tanh, LayerPrecision.DefaultTable, 1024);
        var input = ApFixedFormat.Parse("ap_fixed<16,6>");          // F = 10
        // index = trunc(x x 1024 / 8) + 512: x = -0.001 rounds toward zero to entry 512 (tanh 0 = 0).
        Assert.Equal(512, table.Index(input.Quantise(-0.001), input.FractionBits));
        Assert.Equal(0, table.Lookup(input.Quantise(-0.001), input.FractionBits));
        // x = 1/128 reads entry 513: tanh(1/128) = 0.00781234 = 7.9998 / 1024, truncated into ap_fixed<18,8> to 7/1024.
        Assert.Equal(513, table.Index(input.Quantise(1.0 / 128), input.FractionBits));
        Assert.Equal(7, table.Entries[513]);
        // -1/128 reads entry 511 = -8/1024 (floor of -7.9998).
        Assert.Equal(-8, table.Lookup(input.Quantise(-1.0 / 128), input.FractionBits));
        // Outside [-4, 4) the ends: index 0 (tanh(-4) = -0.99933 -> floor -1024 + 0.68 -> -1024 / 1024 ... -1023.3 -> -1024) and 1023.
        Assert.Equal(0, table.Index(input.Quantise(-5), input.FractionBits));
        Assert.Equal(1023, table.Index(input.Quantise(4.5), input.FractionBits));
        Assert.Equal(-1024, table.Entries[0]);
        Assert.Equal(1023, table.Entries[1023]);             // tanh(3.9921875) = 0.999317 = 1023.3 / 1024
    }

    [Fact]
    public void The_elu_table_covers_minus_eight_to_zero()
    {
        LookupTable table = LookupTable.Build(ActivationKind.Elu, LayerPrecision.DefaultTable, 1024);
        var input = ApFixedFormat.Parse("ap_fixed<16,6>");
        // index = trunc(x x 1024 / -8): x = -1 -> 128, entry e^-1 - 1 = -0.63212 = -647.29 / 1024 -> floor -648.
        Assert.Equal(128, table.Index(input.Quantise(-1.0), input.FractionBits));
        Assert.Equal(-648, table.Entries[128]);
        Assert.Equal(1023, table.Index(input.Quantise(-20.0), input.FractionBits));
        Assert.Equal(0, table.Entries[0]);
    }

    [Theory]
    [InlineData(ActivationKind.Relu, 2e-3)]
    [InlineData(ActivationKind.LeakyRelu, 2e-3)]
    [InlineData(ActivationKind.Tanh, 2e-2)]
    [InlineData(ActivationKind.Elu, 2e-2)]
    [InlineData(ActivationKind.Silu, 5e-2)]
    public void Wide_fixed_point_follows_the_float_reference(ActivationKind activation, double tolerance)
    {
        // ap_fixed<24,10>: 14 fraction bits, so arithmetic errors are ~1e-4 through three layers; a
        // lookup table steps by 1/128 (tanh) or 1/64 (sigmoid) in x, so its error is up to the slope times that.
        var random = new Random(7);
        DenseLayerWeights Layer(int input, int output, ActivationKind? kind) => new(input, output,
            [.. Enumerable.Range(0, input * output).Select(_ => (float)((random.NextDouble() - 0.5) * 1.2))],
            [.. Enumerable.Range(0, output).Select(_ => (float)((random.NextDouble() - 0.5) * 0.4))], kind);
        var weights = new DenseNetworkWeights([Layer(6, 8, activation), Layer(8, 5, activation), Layer(5, 3, null)]);
        var precision = ApFixedFormat.Parse("ap_fixed<24,10>");
        var network = new FixedPointNetwork(weights, precision, [.. weights.Layers.Select(_ => LayerPrecision.Uniform(precision))]);
        double worst = 0;
        for (int row = 0; row < 200; row++)
        {
            float[] x = [.. Enumerable.Range(0, 6).Select(_ => (float)((random.NextDouble() - 0.5) * 4))];
            double[] expected = ReferenceForward.Run(weights, x);
            double[] actual = network.Forward([.. x.Select(v => precision.Quantise(v))]).Values;
            for (int k = 0; k < expected.Length; k++)
            {
                worst = Math.Max(worst, Math.Abs(actual[k] - expected[k]));
            }
        }

        Assert.True(worst < tolerance, $"{activation}: largest difference {worst:G4} over the tolerance {tolerance}");
    }

    [Fact]
    public void A_vae_gives_mean_clamped_log_variance_and_reconstruction()
    {
        var trunk = new DenseLayerWeights(2, 2, [1f, 0f, 0f, 1f], [0f, 0f], ActivationKind.Relu);
        var mean = new DenseLayerWeights(2, 1, [1f, 1f], [0f], null);
        var logVar = new DenseLayerWeights(2, 1, [8f, 8f], [0f], null);
        var decoder = new DenseLayerWeights(1, 2, [0.5f, -0.5f], [0f, 0f], null);
        var weights = new AutoencoderWeights(new DenseNetworkWeights([trunk, mean]), new DenseNetworkWeights([decoder]), logVar, -3, 3);
        var ae = FixedPointAutoencoder.Create(weights, new FixedPointConfig(ApFixedFormat.Parse("ap_fixed<16,6>")));
        long[] x = ae.QuantiseInput([0.25f, 0.5f]);
        Assert.Equal([0.75], ae.Encode(x).Values);                     // relu(x) summed
        Assert.Equal([3.0], ae.LogVariance(x).Values);                 // 8 x 0.75 = 6, clamped to 3
        Assert.Equal([0.375, -0.375], ae.Reconstruct(x).Values);
    }

    [Fact]
    public void Per_layer_entries_override_the_defaults_and_unknown_layers_are_refused()
    {
        var weights = new AutoencoderWeights(
            new DenseNetworkWeights([new DenseLayerWeights(2, 1, [1f, 1f], [0f], null)]),
            new DenseNetworkWeights([new DenseLayerWeights(1, 2, [1f, 1f], [0f, 0f], null)]));
        var config = new FixedPointConfig(ApFixedFormat.Parse("ap_fixed<16,6>"), Accumulator: ApFixedFormat.Parse("ap_fixed<24,10>"),
            Layers: new Dictionary<string, LayerPrecisionOverride> { ["decoder.0"] = new(Precision: ApFixedFormat.Parse("ap_fixed<8,3>"), Bias: ApFixedFormat.Parse("ap_fixed<4,2>")) });
        FixedPointPrecision resolved = config.Resolve(weights);
        Assert.Equal("ap_fixed<24,10>", resolved.Encoder[0].Accumulator.ToString());
        Assert.Equal("ap_fixed<8,3>", resolved.Decoder[0].Weight.ToString());
        Assert.Equal("ap_fixed<8,3>", resolved.Decoder[0].Accumulator.ToString());
        Assert.Equal("ap_fixed<4,2>", resolved.Decoder[0].Bias.ToString());
        var bad = config with { Layers = new Dictionary<string, LayerPrecisionOverride> { ["encoder.3"] = new() } };
        ArgumentException e = Assert.Throws<ArgumentException>(() => bad.Resolve(weights));
        Assert.Contains("'encoder.3'", e.Message, StringComparison.Ordinal);
        Assert.Contains("encoder.0, decoder.0", e.Message, StringComparison.Ordinal);
    }
}
