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
    public static byte[] ToBytes(AutoencoderWeights weights, string modelName)
    {
        ArgumentNullException.ThrowIfNull(weights);
        var graph = new GraphProto { Name = modelName };
        graph.Input.Add(Value("features", weights.InputSize));
        string trunk = Chain(graph, "encoder", weights.Encoder.Layers.Take(weights.Encoder.Layers.Count - 1), "features");
        string latent = Layer(graph, "encoder", weights.Encoder.Layers.Count - 1, weights.Encoder.Layers[^1], trunk, "latent");
        graph.Output.Add(Value("latent", weights.LatentSize));
        if (weights.LogVarianceHead is { } head)
        {
            string raw = Layer(graph, "log_variance", 0, head, trunk, "log_variance_raw");
            graph.Initializer.Add(Scalar("log_variance_min", (float)weights.LogVarianceMin));
            graph.Initializer.Add(Scalar("log_variance_max", (float)weights.LogVarianceMax));
            graph.Node.Add(Node("Clip", "log_variance_clip", [raw, "log_variance_min", "log_variance_max"], ["log_variance"]));
            graph.Output.Add(Value("log_variance", weights.LatentSize));
        }

        string reconstruction = Chain(graph, "decoder", weights.Decoder.Layers, latent);
        graph.Node.Add(Node("Identity", "reconstruction_out", [reconstruction], ["reconstruction"]));
        graph.Output.Add(Value("reconstruction", weights.InputSize));

        var model = new ModelProto
        {
            IrVersion = 8,
            ProducerName = "sieve",
            ProducerVersion = typeof(OnnxExport).Assembly.GetName().Version?.ToString() ?? "0",
            DocString = "Dense autoencoder exported by Sieve; inputs are normalised features (see the model directory's model.json).",
            Graph = graph,
        };
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = string.Empty, Version = Opset });
        return model.ToByteArray();
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
        graph.Initializer.Add(Tensor($"{name}.weight", layer.Weights, [layer.OutputSize, layer.InputSize]));
        graph.Initializer.Add(Tensor($"{name}.bias", layer.Bias, [layer.OutputSize]));
        string affine = layer.Activation is null && output is not null ? output : $"{name}.affine";
        NodeProto gemm = Node("Gemm", $"{name}.gemm", [input, $"{name}.weight", $"{name}.bias"], [affine]);
        gemm.Attribute.Add(new AttributeProto { Name = "transB", I = 1, Type = AttributeProto.Types.AttributeType.Int });
        graph.Node.Add(gemm);
        if (layer.Activation is not { } activation)
        {
            return affine;
        }

        string result = output ?? $"{name}.out";
        switch (activation)
        {
            case ActivationKind.Tanh:
                graph.Node.Add(Node("Tanh", $"{name}.tanh", [affine], [result]));
                break;
            case ActivationKind.Relu:
                graph.Node.Add(Node("Relu", $"{name}.relu", [affine], [result]));
                break;
            case ActivationKind.LeakyRelu:
                NodeProto leaky = Node("LeakyRelu", $"{name}.leaky_relu", [affine], [result]);
                leaky.Attribute.Add(new AttributeProto { Name = "alpha", F = 0.01f, Type = AttributeProto.Types.AttributeType.Float });
                graph.Node.Add(leaky);
                break;
            case ActivationKind.Elu:
                NodeProto elu = Node("Elu", $"{name}.elu", [affine], [result]);
                elu.Attribute.Add(new AttributeProto { Name = "alpha", F = 1f, Type = AttributeProto.Types.AttributeType.Float });
                graph.Node.Add(elu);
                break;
            case ActivationKind.Silu:
                graph.Node.Add(Node("Sigmoid", $"{name}.sigmoid", [affine], [$"{name}.gate"]));
                graph.Node.Add(Node("Mul", $"{name}.silu", [affine, $"{name}.gate"], [result]));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(layer), activation, "no ONNX form for this activation");
        }

        return result;
    }

    private static NodeProto Node(string op, string name, string[] inputs, string[] outputs)
    {
        var node = new NodeProto { OpType = op, Name = name };
        node.Input.AddRange(inputs);
        node.Output.AddRange(outputs);
        return node;
    }

    private static TensorProto Tensor(string name, float[] values, long[] dims)
    {
        var tensor = new TensorProto { Name = name, DataType = (int)TensorProto.Types.DataType.Float };
        tensor.Dims.AddRange(dims);
        tensor.FloatData.AddRange(values);
        return tensor;
    }

    private static TensorProto Scalar(string name, float value) => Tensor(name, [value], []);

    // A float tensor (batch, width) with a symbolic batch dimension.
    private static ValueInfoProto Value(string name, int width)
    {
        var shape = new TensorShapeProto();
        shape.Dim.Add(new TensorShapeProto.Types.Dimension { DimParam = "batch" });
        shape.Dim.Add(new TensorShapeProto.Types.Dimension { DimValue = width });
        return new ValueInfoProto
        {
            Name = name,
            Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = (int)TensorProto.Types.DataType.Float, Shape = shape } },
        };
    }
}
