using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

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
}
