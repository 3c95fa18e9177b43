using TorchSharp;
using static TorchSharp.torch;

namespace Sieve.Models.Autoencoders;

/// <summary>
/// The one contract every autoencoder implements: encode features to a latent and decode back.
/// Shapes: features (B, F), latent (B, Z).
/// </summary>
public interface IAutoencoder : IDisposable
{
    /// <summary>Number of input features F.</summary>
    int InputSize { get; }

    /// <summary>Number of latent dimensions Z.</summary>
    int LatentSize { get; }

    /// <summary>The trainable module (for optimisers, saving and device moves).</summary>
    nn.Module Module { get; }

    /// <summary>(B, F) -> (B, Z).</summary>
    Tensor Encode(Tensor features);

    /// <summary>(B, Z) -> (B, F).</summary>
    Tensor Decode(Tensor latent);

    /// <summary>(B, F) -> (B, F): decode(encode(x)).</summary>
    Tensor Reconstruct(Tensor features);

    /// <summary>
    /// Whether the model reads rows of <paramref name="shape"/>. Dense models read any shape of
    /// <see cref="InputSize"/> values, flattened; a model that needs structure (convolutions on
    /// <c>(C, H, W)</c> images, set models on <c>(S, F)</c> slots) says which it takes.
    /// </summary>
    bool Accepts(Sieve.Core.Tables.RowShape shape) => shape is not null && shape.Size == InputSize;
}
