using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using Sieve.Core.Normalisation;
using Sieve.Core.Synthetic;
using Sieve.Core.Tables;
using Sieve.Models.Autoencoders;
using Sieve.Models.Export;
using Sieve.Models.FixedPoint;
using Sieve.Models.Inference;
using Sieve.Models.Tests.Training;
using Sieve.Models.Training;
using Xunit.Abstractions;

namespace Sieve.Models.Tests.Export;

/// <summary>
/// The QDQ ONNX graph run in ONNX Runtime against the fixed-point emulation. With round-half-even,
/// saturating types and an accumulator that holds every product exactly (its fraction bits at least
/// the weight's plus the input's), the two agree bit for bit: every cast QuantizeLinear does is the
/// emulation's, and float32 Gemm sums stay exact below 2^24 steps. With the ap_fixed defaults
/// (truncation, wrap) and a tanh table they differ by at most the bound docs/hls4ml.md derives.
/// </summary>
[Collection(SerialTraining.Name)]
public class QdqOnnxExportTests(ITestOutputHelper output)
{
    // Input and activation results F = 6, weights F = 6: products F = 12, which the accumulator keeps.
    // Widths 8 (INT8 direct), 10 and 12 (clipped, INT16), 16 (INT16 direct) and 24 (Round form) all appear.
    private static readonly ApFixedFormat Input = ApFixedFormat.Parse("ap_fixed<10,4,AP_RND_CONV,AP_SAT>");
    private static readonly LayerPrecision Exact = new(
        Weight: ApFixedFormat.Parse("ap_fixed<8,2,AP_RND_CONV,AP_SAT>"),
        Bias: ApFixedFormat.Parse("ap_fixed<16,8,AP_RND_CONV,AP_SAT>"),
        Accumulator: ApFixedFormat.Parse("ap_fixed<24,12,AP_RND_CONV,AP_SAT>"),
        Result: ApFixedFormat.Parse("ap_fixed<12,6,AP_RND_CONV,AP_SAT>"),
        ActivationResult: Input,
        Table: LayerPrecision.DefaultTable);

    [Theory]
    [InlineData(ActivationKind.Relu, false)]
    [InlineData(ActivationKind.LeakyRelu, false)]
    [InlineData(ActivationKind.Relu, true)]
    [InlineData(ActivationKind.LeakyRelu, true)]
    public void Round_half_even_saturating_types_run_bit_for_bit_in_onnx_runtime(ActivationKind activation, bool variational)
    {
        AutoencoderWeights weights = RandomNetwork(7, [16, 8], 3, activation, variational, weightScale: 1.5, seed: 11);
        var model = new FixedPointAutoencoder(weights, Uniform(weights, Input, Exact));
        float[] rows = RandomRows(301, 7, range: 12, Input, seed: 5);
        (double latent, double reconstruction, double logVariance) = MaxDifferences(model, rows);
        Assert.Equal(0, latent);
        Assert.Equal(0, reconstruction);
        Assert.Equal(0, logVariance);
    }

    [Fact]
    public void A_trained_relu_model_quantised_as_quantize_model_does_runs_bit_for_bit()
    {
        FeatureTable table = SyntheticJets.Generate(2000, 17);
        FeatureNormaliser normaliser = NormaliserFitter.Fit(NormalisationKind.Jet, table, 1.0);
        DataSplit split = DataSplit.Create(2000, 0.2, 1);
        float[] train = normaliser.Transform(DataSplit.Rows(table, split.Train)), val = normaliser.Transform(DataSplit.Rows(table, split.Validation));
        Trainer.Seed(3);
        using var trained = new DenseAutoencoder(new DenseAutoencoderOptions(4, [16, 8], 2, ActivationKind.Relu));
        Trainer.Train(trained, train, val, new TrainerOptions { Epochs = 4, BatchSize = 128, LearningRate = 3e-3, Seed = 3, Device = "cpu", Threads = 1 });
        AutoencoderWeights weights = AutoencoderWeightsExport.TryFrom(trained)!;

        // What `quantize-model --precision 'ap_fixed<12,6,AP_RND_CONV,AP_SAT>' --accumulator 'ap_fixed<24,12,AP_RND_CONV,AP_SAT>'` stores.
        var config = new FixedPointConfig(ApFixedFormat.Parse("ap_fixed<12,6,AP_RND_CONV,AP_SAT>"), ApFixedFormat.Parse("ap_fixed<24,12,AP_RND_CONV,AP_SAT>"));
        var model = FixedPointAutoencoder.Create(weights, config);
        (double latent, double reconstruction, _) = MaxDifferences(model, val);
        Assert.Equal(0, latent);
        Assert.Equal(0, reconstruction);
    }

    [Theory]
    [InlineData(ActivationKind.Tanh, "ap_fixed<16,6>")]
    [InlineData(ActivationKind.Relu, "ap_fixed<16,6>")]
    [InlineData(ActivationKind.Tanh, "ap_fixed<12,5,AP_RND,AP_SAT>")]
    [InlineData(ActivationKind.LeakyRelu, "ap_fixed<10,4,AP_TRN_ZERO,AP_SAT_SYM>")]
    public void Other_modes_and_tables_stay_within_the_documented_bound(ActivationKind activation, string type)
    {
        // Products truncated into a uniform accumulator, a rounding other than half to even, and (tanh) the lookup table.
        AutoencoderWeights weights = RandomNetwork(6, [12, 6], 3, activation, variational: false, weightScale: 0.5, seed: 23);
        ApFixedFormat format = ApFixedFormat.Parse(type);
        var model = new FixedPointAutoencoder(weights, Uniform(weights, format, LayerPrecision.Uniform(format)));
        float[] rows = RandomRows(400, 6, range: 3, format, seed: 8);
        (double latent, double reconstruction, _) = MaxDifferences(model, rows);
        double latentBound = Bound(model.Encoder, model.Precision.Input.Lsb * 1.5);
        double reconstructionBound = Bound(model.Decoder, latentBound);
        output.WriteLine($"{activation} {type}: latent {latent:G4} (bound {latentBound:G4}), reconstruction {reconstruction:G4} (bound {reconstructionBound:G4})");
        Assert.True(latent <= latentBound, $"latent differs by {latent}, bound {latentBound}");
        Assert.True(reconstruction <= reconstructionBound, $"reconstruction differs by {reconstruction}, bound {reconstructionBound}");
    }

    [Fact]
    public void Weights_are_stored_as_the_emulations_integers_with_power_of_two_scales()
    {
        AutoencoderWeights weights = RandomNetwork(5, [9], 2, ActivationKind.Relu, variational: true, weightScale: 1, seed: 2);
        LayerPrecision wide = Exact with { Weight = ApFixedFormat.Parse("ap_fixed<14,3,AP_RND_CONV,AP_SAT>"), Bias = ApFixedFormat.Parse("ap_fixed<20,6,AP_RND_CONV,AP_SAT>") };
        var precision = new FixedPointPrecision(Input, [Exact, wide], [Exact, Exact], wide);
        var model = new FixedPointAutoencoder(weights, precision);
        Onnx.ModelProto onnx = Onnx.ModelProto.Parser.ParseFrom(QdqOnnxExport.ToBytes(model, "test"));
        Assert.Equal(21, onnx.OpsetImport.Single().Version);
        var initializers = onnx.Graph.Initializer.ToDictionary(t => t.Name);

        void Check(string name, FixedPointLayer layer)
        {
            foreach ((string part, ApFixedFormat format, long[] raw) in new[] { ("weight", layer.Precision.Weight, layer.Weights.ToArray()), ("bias", layer.Precision.Bias, layer.Biases.ToArray()) })
            {
                Onnx.TensorProto stored = initializers[$"{name}.{part}_quantized"];
                var expectedType = format.Width <= 8 ? Onnx.TensorProto.Types.DataType.Int8 : format.Width <= 16 ? Onnx.TensorProto.Types.DataType.Int16 : Onnx.TensorProto.Types.DataType.Int32;
                Assert.Equal((int)expectedType, stored.DataType);
                Assert.Equal(raw, stored.Int32Data.Select(v => (long)v));
                Assert.Equal(Math.ScaleB(1.0, -format.FractionBits), initializers[$"{name}.{part}_scale"].FloatData.Single());
                Assert.Equal(0, initializers[$"{name}.{part}_zero_point"].Int32Data.Single());
            }
        }

        Check("encoder.0", model.Encoder.Layers[0]);
        Check("encoder.1", model.Encoder.Layers[1]);
        Check("decoder.1", model.Decoder.Layers[1]);
        Check("log_variance", model.LogVarianceHead!);
        Assert.Contains(onnx.Graph.Node, n => n.OpType == "QuantizeLinear");
        Assert.Contains(onnx.Graph.Node, n => n.OpType == "Round");        // the 24-bit accumulator

        // ONNX Runtime reads the INT16 and INT32 initializers; 14-bit weights make products finer than the accumulator.
        (double latent, double reconstruction, double logVariance) = MaxDifferences(model, RandomRows(50, 5, range: 4, Input, seed: 3));
        double latentBound = Bound(model.Encoder, 0);
        Assert.True(latent <= latentBound, $"latent differs by {latent}, bound {latentBound}");
        Assert.True(reconstruction <= Bound(model.Decoder, latentBound), $"reconstruction differs by {reconstruction}");
        Assert.True(logVariance <= 1, $"log-variance differs by {logVariance}");
    }

    // The bound of docs/hls4ml.md, layer by layer, from the difference d of the layer's inputs.
    private static double Bound(FixedPointNetwork network, double inputDifference)
    {
        double d = inputDifference;
        foreach (FixedPointLayer layer in network.Layers)
        {
            LayerPrecision p = layer.Precision;
            double rowSum = 0;
            for (int o = 0; o < layer.OutputSize; o++)
            {
                double sum = 0;
                for (int i = 0; i < layer.InputSize; i++)
                {
                    sum += Math.Abs(p.Weight.ToDouble(layer.Weights[(o * layer.InputSize) + i]));
                }

                rowSum = Math.Max(rowSum, sum);
            }

            bool productsExact = p.Accumulator.FractionBits >= p.Weight.FractionBits + layer.InputFormat.FractionBits;
            double cast = 1.5;  // a cast of one side by its mode, of the other by round half to even: below 1.5 steps apart
            double e = (rowSum * d)
                + (productsExact ? 0 : layer.InputSize * p.Accumulator.Lsb)
                + (2 * cast * p.Accumulator.Lsb)                              // the bias's cast and the sum's
                + (cast * p.Result.Lsb)
                + (layer.InputSize * rowSum * Math.Max(layer.InputFormat.MaxValue, 1) * Math.ScaleB(1.0, -23));   // float32 Gemm
            if (layer.Activation is { } activation)
            {
                if (activation == ActivationKind.Tanh)
                {
                    e += (8.0 / p.TableSize) + p.Table.Lsb;                    // the table's input step (slope <= 1) and its entries' truncation
                }

                e += cast * p.ActivationResult.Lsb;
            }

            d = e;
        }

        return d;
    }

    private static (double Latent, double Reconstruction, double LogVariance) MaxDifferences(FixedPointAutoencoder model, float[] rows)
    {
        int features = model.InputSize;
        int count = rows.Length / features;
        using var session = new InferenceSession(QdqOnnxExport.ToBytes(model, "test"));
        var feed = new List<NamedOnnxValue> { NamedOnnxValue.CreateFromTensor("features", new DenseTensor<float>(rows, [count, features])) };
        using IDisposableReadOnlyCollection<DisposableNamedOnnxValue> results = session.Run(feed);
        float[] Output(string name) => [.. results.Single(r => r.Name == name).AsTensor<float>()];
        float[] latent = Output("latent"), reconstruction = Output("reconstruction");
        float[]? logVariance = model.LogVarianceHead is null ? null : Output("log_variance");

        double maxLatent = 0, maxReconstruction = 0, maxLogVariance = 0;
        for (int r = 0; r < count; r++)
        {
            long[] raw = model.QuantiseInput(rows.AsSpan(r * features, features));
            maxLatent = Math.Max(maxLatent, MaxDifference(model.Encode(raw), latent, r));
            maxReconstruction = Math.Max(maxReconstruction, MaxDifference(model.Reconstruct(raw), reconstruction, r));
            if (logVariance is not null)
            {
                maxLogVariance = Math.Max(maxLogVariance, MaxDifference(model.LogVariance(raw), logVariance, r));
            }
        }

        return (maxLatent, maxReconstruction, maxLogVariance);
    }

    private static double MaxDifference(FixedPointVector emulated, float[] onnx, int row)
    {
        double max = 0;
        int width = emulated.Raw.Length;
        for (int i = 0; i < width; i++)
        {
            double expected = (float)emulated.Format.ToDouble(emulated.Raw[i]);
            max = Math.Max(max, Math.Abs(expected - onnx[(row * width) + i]));
        }

        return max;
    }

    private static FixedPointPrecision Uniform(AutoencoderWeights weights, ApFixedFormat input, LayerPrecision layer) =>
        new(input, [.. weights.Encoder.Layers.Select(_ => layer)], [.. weights.Decoder.Layers.Select(_ => layer)], weights.IsVariational ? layer : null);

    // Random rows in [-range, range], every third one an exact half step of the input type (where rounding modes differ).
    private static float[] RandomRows(int count, int features, double range, ApFixedFormat input, int seed)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, count * features).Select(i => i % 3 == 0
            ? (float)((Math.Round(((random.NextDouble() * 2) - 1) * range / input.Lsb) + 0.5) * input.Lsb)
            : (float)(((random.NextDouble() * 2) - 1) * range))];
    }

    // A mirrored dense autoencoder with uniform random weights: hidden layers use the activation, latent and output are linear.
    private static AutoencoderWeights RandomNetwork(int inputs, int[] hidden, int latent, ActivationKind activation, bool variational, double weightScale, int seed)
    {
        var random = new Random(seed);
        DenseLayerWeights Dense(int nIn, int nOut, ActivationKind? act) => new(nIn, nOut,
            [.. Enumerable.Range(0, nIn * nOut).Select(_ => (float)(((random.NextDouble() * 2) - 1) * weightScale))],
            [.. Enumerable.Range(0, nOut).Select(_ => (float)(((random.NextDouble() * 2) - 1) * weightScale))], act);
        int[] widths = [inputs, .. hidden, latent];
        var encoder = new List<DenseLayerWeights>();
        for (int i = 0; i + 1 < widths.Length; i++)
        {
            encoder.Add(Dense(widths[i], widths[i + 1], i + 2 < widths.Length ? activation : null));
        }

        var decoder = new List<DenseLayerWeights>();
        for (int i = widths.Length - 1; i > 0; i--)
        {
            decoder.Add(Dense(widths[i], widths[i - 1], i > 1 ? activation : null));
        }

        DenseLayerWeights? head = variational ? Dense(hidden[^1], latent, null) : null;
        return new AutoencoderWeights(new DenseNetworkWeights(encoder), new DenseNetworkWeights(decoder), head, LogVarianceMin: -2, LogVarianceMax: 1.5);
    }
}
