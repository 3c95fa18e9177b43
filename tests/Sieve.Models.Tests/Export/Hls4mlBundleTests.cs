using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using Sieve.Models.Autoencoders;
using Sieve.Models.Export;
using Sieve.Models.FixedPoint;
using Sieve.Models.Inference;
using Sieve.Models.Tests.Inference;

namespace Sieve.Models.Tests.Export;

/// <summary>
/// The hls4ml bundle's files: the ONNX inside runs in ONNX Runtime and gives the float network's
/// outputs (an independent double-precision forward pass); the configuration names every node of that
/// graph and nothing else, with the model's types; the test vectors read back as the emulation's outputs.
/// </summary>
public class Hls4mlBundleTests
{
    private static readonly ApFixedFormat Default = ApFixedFormat.Parse("ap_fixed<16,6>");

    [Theory]
    [InlineData(ActivationKind.Tanh, false)]
    [InlineData(ActivationKind.Relu, true)]
    [InlineData(ActivationKind.LeakyRelu, false)]
    [InlineData(ActivationKind.Elu, false)]
    public void The_bundle_onnx_runs_in_onnx_runtime_as_the_float_network(ActivationKind activation, bool variational)
    {
        FixedPointAutoencoder model = Model(activation, variational);
        Onnx.ModelProto onnx = Onnx.ModelProto.Parser.ParseFrom(File(model, Hls4mlBundle.OnnxFile));
        Assert.Equal(["latent", "reconstruction"], onnx.Graph.Output.Select(o => o.Name));
        Assert.DoesNotContain(onnx.Graph.Node, n => n.OpType == "Identity");
        Assert.All(onnx.Graph.Node, n => Assert.DoesNotContain('.', n.Name));

        const int rows = 40;
        var random = new Random(9);
        float[] x = [.. Enumerable.Range(0, rows * model.InputSize).Select(_ => (float)((random.NextDouble() * 6) - 3))];
        using var session = new InferenceSession(File(model, Hls4mlBundle.OnnxFile));
        using IDisposableReadOnlyCollection<DisposableNamedOnnxValue> results =
            session.Run([NamedOnnxValue.CreateFromTensor("features", new DenseTensor<float>(x, [rows, model.InputSize]))]);
        float[] latent = [.. results.Single(r => r.Name == "latent").AsTensor<float>()];
        float[] reconstruction = [.. results.Single(r => r.Name == "reconstruction").AsTensor<float>()];
        int z = model.Weights.LatentSize, f = model.InputSize;
        for (int r = 0; r < rows; r++)
        {
            double[] mu = ReferenceForward.Run(model.Weights.Encoder, x.AsSpan(r * f, f));
            double[] back = ReferenceForward.Run(model.Weights.Decoder, mu.Select(v => (float)v).ToArray());
            for (int i = 0; i < z; i++)
            {
                Assert.True(Math.Abs(mu[i] - latent[(r * z) + i]) <= 1e-6 + (1e-5 * Math.Abs(mu[i])), $"row {r} latent {i}: {mu[i]} vs {latent[(r * z) + i]}");
            }

            for (int i = 0; i < f; i++)
            {
                Assert.True(Math.Abs(back[i] - reconstruction[(r * f) + i]) <= 1e-5 + (1e-4 * Math.Abs(back[i])), $"row {r} reconstruction {i}: {back[i]} vs {reconstruction[(r * f) + i]}");
            }
        }
    }

    [Theory]
    [InlineData(ActivationKind.Tanh)]
    [InlineData(ActivationKind.Relu)]
    public void The_configuration_names_every_node_of_the_graph_with_the_models_types(ActivationKind activation)
    {
        FixedPointAutoencoder model = Model(activation, variational: false);
        Onnx.ModelProto onnx = Onnx.ModelProto.Parser.ParseFrom(File(model, Hls4mlBundle.OnnxFile));
        using JsonDocument config = JsonDocument.Parse(File(model, Hls4mlBundle.ConfigFile));
        JsonElement root = config.RootElement;
        Assert.Equal(Default, ApFixedFormat.Parse(root.GetProperty("Model").GetProperty("Precision").GetString()!));
        Assert.Equal(2, root.GetProperty("Model").GetProperty("ReuseFactor").GetInt32());
        Assert.Equal("Latency", root.GetProperty("Model").GetProperty("Strategy").GetString());

        JsonElement layers = root.GetProperty("LayerName");
        string[] configured = [.. layers.EnumerateObject().Select(p => p.Name)];
        string[] graphLayers = ["features", .. onnx.Graph.Node.Select(n => n.Name)];
        Assert.Equal(graphLayers.Order(), configured.Order());

        ApFixedFormat Type(string layer, string key) => ApFixedFormat.Parse(layers.GetProperty(layer).GetProperty("Precision").GetProperty(key).GetString()!);
        Assert.Equal(model.Precision.Input, Type("features", "result"));
        foreach ((string name, FixedPointLayer layer) in Layers(model))
        {
            string dense = onnx.Graph.Node.Single(n => n.OpType == "Gemm" && n.Name.StartsWith(name.Replace('.', '_') + "_", StringComparison.Ordinal)).Name;
            Assert.Equal(layer.Precision.Weight, Type(dense, "weight"));
            Assert.Equal(layer.Precision.Bias, Type(dense, "bias"));
            Assert.Equal(layer.Precision.Accumulator, Type(dense, "accum"));
            Assert.Equal(layer.Precision.Result, Type(dense, "result"));
            if (layer.Activation is not null)
            {
                // The activation node is the one reading the Gemm's output.
                string act = onnx.Graph.Node.Single(n => n.Input.Contains(onnx.Graph.Node.Single(g => g.Name == dense).Output[0])).Name;
                Assert.Equal(layer.Precision.ActivationResult, Type(act, "result"));
                if (layer.Table is { } table)
                {
                    Assert.Equal(table.Format, Type(act, "table"));
                    Assert.Equal(table.Size, layers.GetProperty(act).GetProperty("table_size").GetInt32());
                }
            }
        }
    }

    [Fact]
    public void The_test_vectors_read_back_as_the_emulations_outputs()
    {
        FixedPointAutoencoder model = Model(ActivationKind.Tanh, variational: false);
        double[][] inputs = Read(File(model, Hls4mlBundle.InputFile));
        double[][] latent = Read(File(model, Hls4mlBundle.LatentFile)), reconstruction = Read(File(model, Hls4mlBundle.ReconstructionFile));
        Assert.Equal(Hls4mlBundle.TestRows, inputs.Length);
        for (int r = 0; r < inputs.Length; r++)
        {
            float[] row = [.. inputs[r].Select(v => (float)v)];
            long[] raw = model.QuantiseInput(row);
            Assert.Equal(inputs[r], raw.Select(model.Precision.Input.ToDouble));       // on the input grid already
            Assert.Equal(model.Encode(raw).Values, latent[r]);
            Assert.Equal(model.Reconstruct(raw).Values, reconstruction[r]);
        }

        Assert.True(latent.SelectMany(v => v).Distinct().Count() > 10, "the test vectors should not be constant");
    }

    [Fact]
    public void Silu_has_no_hls4ml_layer_and_is_refused_by_name()
    {
        FixedPointAutoencoder model = Model(ActivationKind.Silu, variational: false);
        var e = Assert.Throws<ArgumentException>(() => Hls4mlBundle.Files(model, Default, 1, "m", typesStored: true));
        Assert.Contains("Silu", e.Message, StringComparison.Ordinal);
    }

    private static IEnumerable<(string Name, FixedPointLayer Layer)> Layers(FixedPointAutoencoder model) =>
        model.Encoder.Layers.Select((l, i) => (FixedPointPrecision.EncoderLayerName(i), l))
            .Concat(model.Decoder.Layers.Select((l, i) => (FixedPointPrecision.DecoderLayerName(i), l)));

    private static byte[] File(FixedPointAutoencoder model, string name) => Hls4mlBundle.Files(model, Default, 2, "test", typesStored: true).Single(f => f.Name == name).Content;

    private static double[][] Read(byte[] text) =>
        [.. Encoding.UTF8.GetString(text).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split(' ').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray())];

    // Random weights; per layer a different weight and accumulator type so that a mix-up of layers shows.
    private static FixedPointAutoencoder Model(ActivationKind activation, bool variational)
    {
        var random = new Random(31);
        DenseLayerWeights Dense(int nIn, int nOut, ActivationKind? act) => new(nIn, nOut,
            [.. Enumerable.Range(0, nIn * nOut).Select(_ => (float)((random.NextDouble() * 2) - 1))],
            [.. Enumerable.Range(0, nOut).Select(_ => (float)((random.NextDouble() * 2) - 1))], act);
        var encoder = new DenseNetworkWeights([Dense(5, 8, activation), Dense(8, 3, null)]);
        var decoder = new DenseNetworkWeights([Dense(3, 8, activation), Dense(8, 5, null)]);
        var weights = new AutoencoderWeights(encoder, decoder, variational ? Dense(8, 3, null) : null);
        LayerPrecision Layer(int bits) => LayerPrecision.Uniform(Default, new ApFixedFormat(18 + bits, 8)) with { Weight = new ApFixedFormat(bits, 2, quantisation: QuantisationMode.RoundConvergent) };
        var precision = new FixedPointPrecision(ApFixedFormat.Parse("ap_fixed<14,5>"), [Layer(8), Layer(9)], [Layer(10), Layer(11)], variational ? Layer(12) : null);
        return new FixedPointAutoencoder(weights, precision);
    }
}
