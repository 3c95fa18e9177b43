using System.Text.Json.Nodes;
using Sieve.Models.Autoencoders;
using Sieve.Models.FixedPoint;

namespace Sieve.Models.Export;

/// <summary>
/// hls4ml's configuration dictionary (what <c>hls4ml.utils.config_from_onnx_model(granularity='name')</c>
/// makes, and <c>convert_from_onnx_model(hls_config=...)</c> reads) for a fixed-point autoencoder:
/// <c>Model: {Precision, ReuseFactor, Strategy: Latency}</c> and one <c>LayerName</c> entry per node of
/// <see cref="Hls4mlOnnx"/>'s graph, named as the node: the input (<c>features</c>: result_t), each Gemm
/// (Dense: weight, bias, accum, result) and each activation (result, and for tanh and ELU table_t
/// with table_size). The types are the emulation's, so hls4ml builds what Sieve emulated.
/// </summary>
public static class Hls4mlConfig
{
    /// <summary>The configuration; <paramref name="modelPrecision"/> is the model-wide default hls4ml gives any layer not named.</summary>
    /// <exception cref="ArgumentException">SiLU (hls4ml has no such activation layer).</exception>
    public static JsonObject Build(FixedPointAutoencoder model, ApFixedFormat modelPrecision, int reuseFactor)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(modelPrecision);
        ArgumentOutOfRangeException.ThrowIfLessThan(reuseFactor, 1);
        var layers = new JsonObject
        {
            ["features"] = new JsonObject { ["Precision"] = new JsonObject { ["result"] = model.Precision.Input.ToString() } },
        };
        for (int i = 0; i < model.Encoder.Layers.Count; i++)
        {
            Add(layers, FixedPointPrecision.EncoderLayerName(i), model.Encoder.Layers[i], reuseFactor);
        }

        for (int i = 0; i < model.Decoder.Layers.Count; i++)
        {
            Add(layers, FixedPointPrecision.DecoderLayerName(i), model.Decoder.Layers[i], reuseFactor);
        }

        return new JsonObject
        {
            ["Model"] = new JsonObject { ["Precision"] = modelPrecision.ToString(), ["ReuseFactor"] = reuseFactor, ["Strategy"] = "Latency" },
            ["LayerName"] = layers,
        };
    }

    /// <summary>The graph node name of a layer's activation (as <see cref="OnnxActivation"/> names it, made an identifier).</summary>
    public static string ActivationNodeName(string layerName, ActivationKind activation) => Hls4mlOnnx.Identifier(activation switch
    {
        ActivationKind.Tanh => $"{layerName}.tanh",
        ActivationKind.Relu => $"{layerName}.relu",
        ActivationKind.LeakyRelu => $"{layerName}.leaky_relu",
        ActivationKind.Elu => $"{layerName}.elu",
        _ => throw new ArgumentException($"{layerName}: hls4ml has no {activation} activation layer; an hls4ml bundle covers tanh, ReLU, leaky ReLU and ELU."),
    });

    /// <summary>The graph node name of a layer's Dense part.</summary>
    public static string DenseNodeName(string layerName) => Hls4mlOnnx.Identifier($"{layerName}.gemm");

    private static void Add(JsonObject layers, string name, FixedPointLayer layer, int reuseFactor)
    {
        LayerPrecision p = layer.Precision;
        layers[DenseNodeName(name)] = new JsonObject
        {
            ["Precision"] = new JsonObject
            {
                ["weight"] = p.Weight.ToString(),
                ["bias"] = p.Bias.ToString(),
                ["accum"] = p.Accumulator.ToString(),
                ["result"] = p.Result.ToString(),
            },
            ["ReuseFactor"] = reuseFactor,
        };
        if (layer.Activation is not { } activation)
        {
            return;
        }

        var precision = new JsonObject { ["result"] = p.ActivationResult.ToString() };
        var entry = new JsonObject { ["Precision"] = precision };
        if (layer.Table is { } table)
        {
            precision["table"] = table.Format.ToString();
            entry["table_size"] = table.Size;
        }

        layers[ActivationNodeName(name, activation)] = entry;
    }
}
