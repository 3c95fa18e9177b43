namespace Sieve.Pipeline.Generation;

/// <summary>Where <c>sieve generate</c> draws latents from.</summary>
public enum LatentSource
{
    /// <summary>The VAE's prior N(0, I) (prior sampling).</summary>
    Prior,

    /// <summary>A full-covariance Gaussian fitted to the latent means (mu) of a reference file encoded through the model.</summary>
    Fitted,
}
