using Onnx;
using Sieve.Models.Inference;

namespace Sieve.Models.Export;

/// <summary>
/// The float ONNX graph in the form hls4ml's ONNX front end parses: no Identity nodes (each graph
/// output is written by its layer directly), and every node and tensor name a C++ identifier
/// (<c>encoder.0.gemm</c> becomes <c>encoder_0_gemm</c>), since hls4ml names its layers, and the
/// variables of the generated firmware, after the nodes. A VAE's log-variance head is left out: the
/// trigger reads the mean (latent) and the reconstruction.
/// </summary>
public static class Hls4mlOnnx
{
    /// <summary>The hls4ml form of <paramref name="weights"/>' float graph.</summary>
    public static ModelProto ToModel(AutoencoderWeights weights, string modelName)
    {
        ArgumentNullException.ThrowIfNull(weights);
        ModelProto model = OnnxExport.ToModel(weights with { LogVarianceHead = null }, modelName);
        GraphProto graph = model.Graph;
        foreach (NodeProto identity in graph.Node.Where(n => n.OpType == "Identity").ToList())
        {
            string from = identity.Input[0], to = identity.Output[0];
            graph.Node.Remove(identity);
            foreach (NodeProto node in graph.Node)
            {
                Rename(node.Output, from, to);
                Rename(node.Input, from, to);
            }
        }

        foreach (NodeProto node in graph.Node)
        {
            node.Name = Identifier(node.Name);
            Rename(node.Input, Identifier);
            Rename(node.Output, Identifier);
        }

        foreach (TensorProto initializer in graph.Initializer)
        {
            initializer.Name = Identifier(initializer.Name);
        }

        return model;
    }

    /// <summary>The C++-safe form of a node or tensor name: dots become underscores.</summary>
    public static string Identifier(string name) => name.Replace('.', '_');

    private static void Rename(Google.Protobuf.Collections.RepeatedField<string> names, string from, string to) =>
        Rename(names, n => n == from ? to : n);

    private static void Rename(Google.Protobuf.Collections.RepeatedField<string> names, Func<string, string> map)
    {
        for (int i = 0; i < names.Count; i++)
        {
            names[i] = map(names[i]);
        }
    }
}
