using Google.Protobuf;
using Onnx;
using Sieve.Models.FixedPoint;

namespace Sieve.Models.Export;

/// <summary>
/// Writes a fixed-point autoencoder as an ONNX QDQ graph (opset 21): the float export's graph with the
/// fixed-point types made explicit, so ONNX Runtime (or any QDQ-aware runtime) computes what the
/// FPGA computes, to the extent ONNX can say it. Per layer:
/// <list type="number">
/// <item>weights and biases stored as their raw integers (INT8 for widths up to 8, INT16 up to 16,
/// else INT32) and read through DequantizeLinear with scale 2^-F and zero point 0; the biases are
/// then cast into accum_t, as the layer's sum starts from them;</item>
/// <item>Gemm, whose float32 sum is exact while the products and partial sums fit in 24 bits;</item>
/// <item>a cast (<see cref="QdqCast"/>) into accum_t, then into the Dense result_t;</item>
/// <item>the activation as a float ONNX operator, then a cast into the activation's result_t.</item>
/// </list>
/// The input is cast into the input type first. Names and outputs are those of <see cref="OnnxExport"/>
/// (features; latent, reconstruction, for a VAE log_variance clamped at the clamp's fixed-point values).
/// What is not modelled (see docs/hls4ml.md): the per-product cast into accum_t when accum_t has fewer
/// fraction bits than a product, wrap-around on overflow, rounding modes other than half to even, and
/// the lookup tables of tanh, sigmoid and ELU (ONNX computes the function itself).
/// </summary>
public static class QdqOnnxExport
{
    /// <summary>The opset the graph is written for (INT16 QuantizeLinear needs 21).</summary>
    public const int Opset = 21;

    /// <summary>The model as ONNX bytes.</summary>
    public static byte[] ToBytes(FixedPointAutoencoder model, string modelName) => ToModel(model, modelName).ToByteArray();

    /// <summary>The model as an ONNX protobuf.</summary>
    public static ModelProto ToModel(FixedPointAutoencoder model, string modelName)
    {
        ArgumentNullException.ThrowIfNull(model);
        var graph = new GraphProto { Name = modelName };
        graph.Input.Add(OnnxProtos.Value("features", model.InputSize));
        string x = QdqCast.Append(graph, "input", model.Precision.Input, "features");

        IReadOnlyList<FixedPointLayer> encoder = model.Encoder.Layers;
        for (int i = 0; i < encoder.Count - 1; i++)
        {
            x = Layer(graph, FixedPointPrecision.EncoderLayerName(i), encoder[i], x);
        }

        string trunk = x;
        string latent = Layer(graph, FixedPointPrecision.EncoderLayerName(encoder.Count - 1), encoder[^1], trunk);
        graph.Node.Add(OnnxProtos.Node("Identity", "latent_out", [latent], ["latent"]));
        graph.Output.Add(OnnxProtos.Value("latent", encoder[^1].OutputSize));

        if (model.LogVarianceHead is { } head)
        {
            string raw = Layer(graph, FixedPointPrecision.LogVarianceLayerName, head, trunk);
            ApFixedFormat type = head.OutputFormat;

            // The clamp compares with the bounds cast into the head's output type, as the emulation does.
            graph.Initializer.Add(OnnxProtos.Scalar("log_variance_min", (float)type.ToDouble(type.Quantise(model.Weights.LogVarianceMin))));
            graph.Initializer.Add(OnnxProtos.Scalar("log_variance_max", (float)type.ToDouble(type.Quantise(model.Weights.LogVarianceMax))));
            graph.Node.Add(OnnxProtos.Node("Clip", "log_variance_clip", [raw, "log_variance_min", "log_variance_max"], ["log_variance"]));
            graph.Output.Add(OnnxProtos.Value("log_variance", head.OutputSize));
        }

        x = latent;
        for (int i = 0; i < model.Decoder.Layers.Count; i++)
        {
            x = Layer(graph, FixedPointPrecision.DecoderLayerName(i), model.Decoder.Layers[i], x);
        }

        graph.Node.Add(OnnxProtos.Node("Identity", "reconstruction_out", [x], ["reconstruction"]));
        graph.Output.Add(OnnxProtos.Value("reconstruction", model.InputSize));
        return OnnxProtos.Model(graph, Opset,
            "Dense autoencoder in fixed point exported by Sieve as QDQ ONNX (integer weights, power-of-two scales); inputs are normalised features (see model.json).");
    }

    // Integer weights and biases, Gemm, the accumulator and result casts, then the activation and its cast.
    private static string Layer(GraphProto graph, string name, FixedPointLayer layer, string input)
    {
        LayerPrecision p = layer.Precision;
        string weight = Dequantized(graph, $"{name}.weight", p.Weight, layer.Weights.ToArray(), [layer.OutputSize, layer.InputSize]);
        string bias = Dequantized(graph, $"{name}.bias", p.Bias, layer.Biases.ToArray(), [layer.OutputSize]);
        bias = QdqCast.Append(graph, $"{name}.bias_accum", p.Accumulator, bias);

        NodeProto gemm = OnnxProtos.Node("Gemm", $"{name}.gemm", [input, weight, bias], [$"{name}.sum"]);
        gemm.Attribute.Add(OnnxProtos.IntAttribute("transB", 1));
        graph.Node.Add(gemm);
        string accum = QdqCast.Append(graph, $"{name}.accum", p.Accumulator, $"{name}.sum");
        string affine = QdqCast.Append(graph, $"{name}.result", p.Result, accum);
        if (layer.Activation is not { } activation)
        {
            return affine;
        }

        // Leaky ReLU's slope is the emulation's: 0.01 held in the table type.
        float slope = (float)p.Table.ToDouble(p.Table.Quantise(0.01));
        OnnxActivation.Append(graph, name, activation, affine, $"{name}.activation", slope);
        return QdqCast.Append(graph, $"{name}.activation_result", p.ActivationResult, $"{name}.activation");
    }

    // Raw integers in the smallest ONNX integer type that holds the format, read through DequantizeLinear.
    private static string Dequantized(GraphProto graph, string name, ApFixedFormat format, long[] raw, long[] dims)
    {
        TensorProto.Types.DataType type = QdqCast.StorageType(format);
        graph.Initializer.Add(OnnxProtos.IntTensor($"{name}_quantized", type, raw, dims));
        graph.Initializer.Add(OnnxProtos.Scalar($"{name}_scale", QdqCast.Scale(format)));
        graph.Initializer.Add(OnnxProtos.IntTensor($"{name}_zero_point", type, [0], []));
        graph.Node.Add(OnnxProtos.Node("DequantizeLinear", $"{name}.dequantize", [$"{name}_quantized", $"{name}_scale", $"{name}_zero_point"], [name]));
        return name;
    }
}
