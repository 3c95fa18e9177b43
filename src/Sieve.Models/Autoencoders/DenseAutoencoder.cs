using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Sieve.Models.Autoencoders;

/// <summary>
/// Dense (fully connected) autoencoder with a mirrored decoder. The classic jet AE is
/// 4 -> 200 -> 100 -> 50 -> 3 with tanh (preset <c>hepae-4d</c>).
/// </summary>
public sealed class DenseAutoencoder : nn.Module<Tensor, Tensor>, IAutoencoder
{
    private readonly Sequential encoder;
    private readonly Sequential decoder;

    /// <summary>Builds the layers; weights use TorchSharp's default (Kaiming-uniform) initialisation.</summary>
    public DenseAutoencoder(DenseAutoencoderOptions options)
        : base("DenseAutoencoder")
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Options = options;

        int[] widths = [options.InputSize, .. options.HiddenWidths];
        encoder = BuildStack(widths, options.LatentSize, options.Activation);
        int[] mirrored = [options.LatentSize, .. options.HiddenWidths.Reverse()];
        decoder = BuildStack(mirrored, options.InputSize, options.Activation);
        RegisterComponents();
    }

    /// <summary>The shape this model was built with.</summary>
    public DenseAutoencoderOptions Options { get; }

    /// <inheritdoc />
    public int InputSize => Options.InputSize;

    /// <inheritdoc />
    public int LatentSize => Options.LatentSize;

    /// <inheritdoc />
    public nn.Module Module => this;

    /// <inheritdoc />
    public Tensor Encode(Tensor features) => encoder.forward(features); // (B, F) -> (B, Z)

    /// <inheritdoc />
    public Tensor Decode(Tensor latent) => decoder.forward(latent); // (B, Z) -> (B, F)

    /// <inheritdoc />
    public Tensor Reconstruct(Tensor features)
    {
        using Tensor z = Encode(features);
        return Decode(z);
    }

    /// <inheritdoc />
    public override Tensor forward(Tensor input) => Reconstruct(input);

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            encoder.Dispose();
            decoder.Dispose();
        }

        base.Dispose(disposing);
    }

    private static Sequential BuildStack(int[] widths, int outputSize, ActivationKind activation)
    {
        var layers = new List<(string, nn.Module<Tensor, Tensor>)>();
        for (int i = 0; i + 1 < widths.Length; i++)
        {
            layers.Add(($"linear{i}", nn.Linear(widths[i], widths[i + 1])));
            layers.Add(($"act{i}", Activation(activation)));
        }

        layers.Add(("out", nn.Linear(widths[^1], outputSize)));
        return nn.Sequential(layers);
    }

    private static nn.Module<Tensor, Tensor> Activation(ActivationKind kind) => kind switch
    {
        ActivationKind.Tanh => nn.Tanh(),
        ActivationKind.Relu => nn.ReLU(),
        ActivationKind.LeakyRelu => nn.LeakyReLU(0.01),
        ActivationKind.Elu => nn.ELU(),
        ActivationKind.Silu => nn.SiLU(),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown activation"),
    };
}
