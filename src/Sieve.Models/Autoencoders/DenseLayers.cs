using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using Sieve.Models.Inference;

namespace Sieve.Models.Autoencoders;

/// <summary>Builds stacks of linear layers with activations, shared by the dense AE and the VAE.</summary>
internal static class DenseLayers
{
    /// <summary>
    /// widths[0] -> widths[1] -> ... with an activation after each layer; then, when
    /// <paramref name="outputSize"/> is given, a final linear layer to it (no activation).
    /// </summary>
    public static Sequential Stack(int[] widths, ActivationKind activation, bool finalActivation, int? outputSize = null)
    {
        var layers = new List<(string, nn.Module<Tensor, Tensor>)>();
        for (int i = 0; i + 1 < widths.Length; i++)
        {
            layers.Add(($"linear{i}", nn.Linear(widths[i], widths[i + 1])));
            if (finalActivation || i + 2 < widths.Length)
            {
                layers.Add(($"act{i}", Activation(activation)));
            }
        }

        if (outputSize is { } size)
        {
            layers.Add(("out", nn.Linear(widths[^1], size)));
        }

        return nn.Sequential(layers);
    }

    public static nn.Module<Tensor, Tensor> Activation(ActivationKind kind) => kind switch
    {
        ActivationKind.Tanh => nn.Tanh(),
        ActivationKind.Relu => nn.ReLU(),
        ActivationKind.LeakyRelu => nn.LeakyReLU(0.01),
        ActivationKind.Elu => nn.ELU(),
        ActivationKind.Silu => nn.SiLU(),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown activation"),
    };

    /// <summary>
    /// Reads a stack built by <see cref="Stack"/> out as plain arrays: each linear layer with the
    /// activation that follows it, if any.
    /// </summary>
    public static List<DenseLayerWeights> Export(Sequential stack, ActivationKind activation)
    {
        var layers = new List<DenseLayerWeights>();
        foreach ((string _, nn.Module child) in stack.named_children())
        {
            if (child is Linear linear)
            {
                layers.Add(Export(linear, null));
            }
            else if (layers.Count > 0 && layers[^1].Activation is null)
            {
                layers[^1] = layers[^1] with { Activation = activation };
            }
        }

        return layers;
    }

    /// <summary>One linear layer's weight (out, in) and bias as arrays.</summary>
    public static DenseLayerWeights Export(Linear linear, ActivationKind? activation)
    {
        using var noGrad = torch.no_grad();
        using Tensor w = linear.weight!.detach().cpu().contiguous();
        using Tensor b = linear.bias!.detach().cpu().contiguous();
        int outputs = (int)w.shape[0];
        int inputs = (int)w.shape[1];
        return new DenseLayerWeights(inputs, outputs, w.data<float>().ToArray(), b.data<float>().ToArray(), activation);
    }
}
