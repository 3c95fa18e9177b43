using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using Sieve.Models.Inference;

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

        encoder = DenseLayers.Stack([options.InputSize, .. options.HiddenWidths], options.Activation, finalActivation: true, outputSize: options.LatentSize);
        decoder = DenseLayers.Stack([options.LatentSize, .. options.HiddenWidths.Reverse()], options.Activation, finalActivation: true, outputSize: options.InputSize);
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

    /// <summary>The weights as plain arrays, for the fast and fixed-point inference paths.</summary>
    public AutoencoderWeights ExportWeights() => new(
        new DenseNetworkWeights(DenseLayers.Export(encoder, Options.Activation)),
        new DenseNetworkWeights(DenseLayers.Export(decoder, Options.Activation)));

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
}
