using System.Text.Json;
using Sieve.Models.Autoencoders;
using Sieve.Models.FixedPoint;
using Sieve.Models.Inference;

namespace Sieve.Models.Tests.FixedPoint;

/// <summary>
/// Bit-for-bit agreement with an independent implementation: tests/fixtures/fixedpoint/reference.py
/// (exact rationals in pure Python, written from docs/fixed-point.md) ran the networks and conversions of
/// network.json and wrote expected.json; both files are committed, so this test needs no Python.
/// </summary>
public class FixedPointReferenceTests
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "fixtures", "fixedpoint");

    [Fact]
    public void Networks_agree_with_the_python_reference_bit_for_bit()
    {
        using JsonDocument network = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, "network.json")));
        using JsonDocument expected = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, "expected.json")));
        JsonElement[] cases = [.. network.RootElement.GetProperty("cases").EnumerateArray()];
        JsonElement[] outputs = [.. expected.RootElement.GetProperty("cases").EnumerateArray()];
        Assert.Equal(4, cases.Length);
        int compared = 0;
        for (int c = 0; c < cases.Length; c++)
        {
            string name = cases[c].GetProperty("name").GetString()!;
            Assert.Equal(name, outputs[c].GetProperty("name").GetString());
            ApFixedFormat input = ApFixedFormat.Parse(cases[c].GetProperty("input_format").GetString()!);
            var layers = new List<DenseLayerWeights>();
            var precisions = new List<LayerPrecision>();
            var raws = new List<(long[] Weights, long[] Biases)>();
            foreach (JsonElement layer in cases[c].GetProperty("layers").EnumerateArray())
            {
                LayerPrecision p = new(Format(layer, "weight"), Format(layer, "bias"), Format(layer, "accumulator"), Format(layer, "result"),
                    Format(layer, "activation_result"), Format(layer, "table"), layer.GetProperty("table_size").GetInt32());
                long[] w = Longs(layer.GetProperty("weights")), b = Longs(layer.GetProperty("biases"));
                // Raw values of at most 24 bits are exact as float: quantising them back gives the same integers.
                layers.Add(new DenseLayerWeights(layer.GetProperty("inputs").GetInt32(), layer.GetProperty("outputs").GetInt32(),
                    [.. w.Select(r => (float)p.Weight.ToDouble(r))], [.. b.Select(r => (float)p.Bias.ToDouble(r))], Activation(layer.GetProperty("activation"))));
                precisions.Add(p);
                raws.Add((w, b));
            }

            var fixedPoint = new FixedPointNetwork(new DenseNetworkWeights(layers), input, precisions);
            for (int l = 0; l < raws.Count; l++)
            {
                Assert.Equal(raws[l].Weights, fixedPoint.Layers[l].Weights.ToArray());
                Assert.Equal(raws[l].Biases, fixedPoint.Layers[l].Biases.ToArray());
            }

            JsonElement[] rows = [.. cases[c].GetProperty("inputs").EnumerateArray()];
            JsonElement[] want = [.. outputs[c].GetProperty("outputs").EnumerateArray()];
            for (int r = 0; r < rows.Length; r++)
            {
                long[] got = fixedPoint.Forward(Longs(rows[r])).Raw;
                Assert.True(Longs(want[r]).SequenceEqual(got), $"{name}, row {r}: python {string.Join(",", Longs(want[r]))}, C# {string.Join(",", got)}");
                compared++;
            }
        }

        Assert.Equal(100, compared);
    }

    [Fact]
    public void Conversions_agree_with_the_python_reference()
    {
        using JsonDocument network = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, "network.json")));
        using JsonDocument expected = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, "expected.json")));
        JsonElement[] given = [.. network.RootElement.GetProperty("conversions").EnumerateArray()];
        JsonElement[] want = [.. expected.RootElement.GetProperty("conversions").EnumerateArray()];
        Assert.Equal(56, given.Length);                       // 7 quantisation x 4 overflow modes x signed/unsigned
        for (int i = 0; i < given.Length; i++)
        {
            ApFixedFormat f = ApFixedFormat.Parse(given[i].GetProperty("format").GetString()!);
            double[] values = [.. given[i].GetProperty("values").EnumerateArray().Select(v => v.GetDouble())];
            long[] raw = Longs(want[i].GetProperty("raw"));
            for (int k = 0; k < values.Length; k++)
            {
                Assert.True(raw[k] == f.Quantise(values[k]), $"{f}: {values[k]:R} python {raw[k]}, C# {f.Quantise(values[k])}");
            }
        }
    }

    private static ApFixedFormat Format(JsonElement layer, string name) => ApFixedFormat.Parse(layer.GetProperty(name).GetString()!);

    private static long[] Longs(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetInt64())];

    private static ActivationKind? Activation(JsonElement name) => name.ValueKind == JsonValueKind.Null ? null : name.GetString() switch
    {
        "relu" => ActivationKind.Relu,
        "leaky_relu" => ActivationKind.LeakyRelu,
        "tanh" => ActivationKind.Tanh,
        "elu" => ActivationKind.Elu,
        var other => throw new InvalidDataException($"unknown activation '{other}' in the fixture."),
    };
}
