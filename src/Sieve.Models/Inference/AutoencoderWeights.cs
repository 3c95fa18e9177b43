namespace Sieve.Models.Inference;

/// <summary>
/// A trained dense autoencoder's weights as plain arrays, read out of its TorchSharp modules: the
/// encoder (to the latent; for a VAE to the mean mu), the decoder, and for a VAE the log-variance
/// head, which reads the same trunk output as the mean head (the input of the encoder's last layer)
/// and whose output is clamped to [<see cref="LogVarianceMin"/>, <see cref="LogVarianceMax"/>].
/// </summary>
/// <param name="Encoder">Features (F) -> latent (Z); a VAE's trunk followed by its mean head.</param>
/// <param name="Decoder">Latent (Z) -> features (F).</param>
/// <param name="LogVarianceHead">A VAE's log sigma^2 head on the trunk output; null for a plain AE.</param>
/// <param name="LogVarianceMin">Lower clamp of log sigma^2 (VAE only).</param>
/// <param name="LogVarianceMax">Upper clamp of log sigma^2 (VAE only).</param>
public sealed record AutoencoderWeights(
    DenseNetworkWeights Encoder,
    DenseNetworkWeights Decoder,
    DenseLayerWeights? LogVarianceHead = null,
    double LogVarianceMin = -10,
    double LogVarianceMax = 10)
{
    /// <summary>Whether this is a VAE (KL and R_z can be computed).</summary>
    public bool IsVariational => LogVarianceHead is not null;

    /// <summary>Number of features F.</summary>
    public int InputSize => Encoder.InputSize;

    /// <summary>Latent dimensions Z.</summary>
    public int LatentSize => Encoder.OutputSize;
}
