using Google.Protobuf;
using Onnx;
using Sieve.Models.Autoencoders;
using Sieve.Models.Inference;

namespace Sieve.Models.Export;

/// <summary>
/// Writes a dense autoencoder as an ONNX model (opset 17, float32): one Gemm per layer
/// (weights (out, in) with transB = 1, as torch.nn.Linear stores them) followed by its activation
/// (Tanh, Relu, LeakyRelu with alpha 0.01, Elu with alpha 1, SiLU as x * Sigmoid(x)). Input
/// <c>features</c> (N, F) of normalised values; outputs <c>latent</c> (N, Z), for a VAE the mean,
/// <c>reconstruction</c> (N, F) and, for a VAE, <c>log_variance</c> (N, Z) clamped as the model
/// clamps it. The normaliser is not part of the graph: inputs are normalised as model.json says.
/// </summary>
public static class OnnxExport
{
    /// <summary>The opset the graph is written for.</summary>
    public const int Opset = 17;

    /// <summary>The model as ONNX bytes.</summary>
    public static byte[] ToBytes(AutoencoderWeights weights, string modelName) => ToModel(weights, modelName).ToByteArray();

    /// <summary>The model as an ONNX protobuf (the hls4ml bundle rewrites its names before writing it).</summary>
    public static ModelProto ToModel(AutoencoderWeights weights, string modelName)
    {
        ArgumentNullException.ThrowIfNull(weights);
        var graph = new GraphProto { Name = modelName };
        graph.Input.Add(OnnxProtos.Value("features", weights.InputSize));
        string trunk = Chain(graph, "encoder", weights.Encoder.Layers.Take(weights.Encoder.Layers.Count - 1), "features");
        string latent = Layer(graph, "encoder", weights.Encoder.Layers.Count - 1, weights.Encoder.Layers[^1], trunk, "latent");
        graph.Output.Add(OnnxProtos.Value("latent", weights.LatentSize));
        if (weights.LogVarianceHead is { } head)
        {
            string raw = Layer(graph, "log_variance", 0, head, trunk, "log_variance_raw");
            graph.Initializer.Add(OnnxProtos.Scalar("log_variance_min", (float)weights.LogVarianceMin));
            graph.Initializer.Add(OnnxProtos.Scalar("log_variance_max", (float)weights.LogVarianceMax));
            graph.Node.Add(OnnxProtos.Node("Clip", "log_variance_clip", [raw, "log_variance_min", "log_variance_max"], ["log_variance"]));
            graph.Output.Add(OnnxProtos.Value("log_variance", weights.LatentSize));
        }

        string reconstruction = Chain(graph, "decoder", weights.Decoder.Layers, latent);
        graph.Node.Add(OnnxProtos.Node("Identity", "reconstruction_out", [reconstruction], ["reconstruction"]));
        graph.Output.Add(OnnxProtos.Value("reconstruction", weights.InputSize));

        return OnnxProtos.Model(graph, Opset, "Dense autoencoder exported by Sieve; inputs are normalised features (see the model directory's model.json).");
    }

    private static string Chain(GraphProto graph, string prefix, IEnumerable<DenseLayerWeights> layers, string input)
    {
        string x = input;
        int i = 0;
        foreach (DenseLayerWeights layer in layers)
        {
            x = Layer(graph, prefix, i++, layer, x, null);
        }

        return x;
    }

    // Gemm then the activation; returns the name of the layer's output.
    private static string Layer(GraphProto graph, string prefix, int index, DenseLayerWeights layer, string input, string? output)
    {
        string name = $"{prefix}.{index}";
        graph.Initializer.Add(OnnxProtos.Tensor($"{name}.weight", layer.Weights, [layer.OutputSize, layer.InputSize]));
        graph.Initializer.Add(OnnxProtos.Tensor($"{name}.bias", layer.Bias, [layer.OutputSize]));
        string affine = layer.Activation is null && output is not null ? output : $"{name}.affine";
        NodeProto gemm = OnnxProtos.Node("Gemm", $"{name}.gemm", [input, $"{name}.weight", $"{name}.bias"], [affine]);
        gemm.Attribute.Add(OnnxProtos.IntAttribute("transB", 1));
        graph.Node.Add(gemm);
        if (layer.Activation is not { } activation)
        {
            return affine;
        }

        string result = output ?? $"{name}.out";
        OnnxActivation.Append(graph, name, activation, affine, result);
        return result;
    }
}
