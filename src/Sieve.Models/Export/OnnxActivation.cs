using Onnx;
using Sieve.Models.Autoencoders;

namespace Sieve.Models.Export;

/// <summary>
/// The ONNX nodes of one activation: Tanh, Relu, LeakyRelu, Elu with alpha 1, SiLU as x * Sigmoid(x).
/// Node names are the layer's name and the function (<c>encoder.0.tanh</c>), the names hls4ml's ONNX
/// front end gives its activation layers.
/// </summary>
internal static class OnnxActivation
{
    /// <summary>Slope of leaky ReLU below zero in the float models.</summary>
    public const float LeakySlope = 0.01f;

    /// <summary>Appends the activation of <paramref name="layerName"/> from <paramref name="input"/> to <paramref name="output"/>.</summary>
    public static void Append(GraphProto graph, string layerName, ActivationKind activation, string input, string output, float leakySlope = LeakySlope)
    {
        switch (activation)
        {
            case ActivationKind.Tanh:
                graph.Node.Add(OnnxProtos.Node("Tanh", $"{layerName}.tanh", [input], [output]));
                break;
            case ActivationKind.Relu:
                graph.Node.Add(OnnxProtos.Node("Relu", $"{layerName}.relu", [input], [output]));
                break;
            case ActivationKind.LeakyRelu:
                NodeProto leaky = OnnxProtos.Node("LeakyRelu", $"{layerName}.leaky_relu", [input], [output]);
                leaky.Attribute.Add(OnnxProtos.FloatAttribute("alpha", leakySlope));
                graph.Node.Add(leaky);
                break;
            case ActivationKind.Elu:
                NodeProto elu = OnnxProtos.Node("Elu", $"{layerName}.elu", [input], [output]);
                elu.Attribute.Add(OnnxProtos.FloatAttribute("alpha", 1f));
                graph.Node.Add(elu);
                break;
            case ActivationKind.Silu:
                graph.Node.Add(OnnxProtos.Node("Sigmoid", $"{layerName}.sigmoid", [input], [$"{layerName}.gate"]));
                graph.Node.Add(OnnxProtos.Node("Mul", $"{layerName}.silu", [input, $"{layerName}.gate"], [output]));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(activation), activation, "no ONNX form for this activation");
        }
    }
}
