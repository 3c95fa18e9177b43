namespace Sieve.Pipeline.Generation;

/// <summary>Where <c>sieve generate</c> draws latents from.</summary>
public enum LatentSource
{
    /// <summary>The VAE's prior N(0, I) (prior sampling).</summary>
    Prior,

    /// <summary>A full-covariance Gaussian fitted to the latent means (mu) of a reference file encoded through the model.</summary>
    Fitted,

    /// <summary>
    /// The aggregate posterior of a reference file: for each draw a reference event chosen at random and
    /// z ~ q(z|x) = N(mu, T^2 sigma^2) of that event. The draw keeps the event's lossless side channels
    /// (object counts and charges of a slot layout), so slot models give whole events.
    /// </summary>
    Posterior,
}
