using static TorchSharp.torch;

namespace Sieve.Models.Autoencoders;

/// <summary>
/// A model with a Gaussian latent q(z|x) = N(mu, sigma^2) (a VAE, dense or convolutional): the anomaly
/// scores KL and R_z come from its encoder alone.
/// </summary>
public interface ILatentDistribution
{
    /// <summary>Whether this instance has the distribution (a convolutional AE may be plain).</summary>
    bool HasLatentDistribution { get; }

    /// <summary>mu and log sigma^2 of q(z|x): (B, F) -> two (B, Z); throws where <see cref="HasLatentDistribution"/> is false.</summary>
    (Tensor Mean, Tensor LogVariance) EncodeGaussian(Tensor features);

    /// <summary>KL(q(z|x) || N(0, 1)) per event, summed over latent dimensions: (B, F) -> (B).</summary>
    Tensor KlDivergence(Tensor features);

    /// <summary>R_z = sum_i mu_i^2 / sigma_i^2 per event: (B, F) -> (B).</summary>
    Tensor LatentScore(Tensor features);
}
