using Sieve.Models.Autoencoders;

namespace Sieve.Models.Inference;

/// <summary>Reads any dense autoencoder's weights out as <see cref="AutoencoderWeights"/>.</summary>
public static class AutoencoderWeightsExport
{
    /// <summary>The model's weights, or null for a model that is not a dense chain (its own path runs it).</summary>
    public static AutoencoderWeights? TryFrom(IAutoencoder model) => model switch
    {
        DenseAutoencoder dense => dense.ExportWeights(),
        VariationalAutoencoder vae => vae.ExportWeights(),
        _ => null,
    };
}
