namespace Sieve.Models.Autoencoders;

/// <summary>
/// What makes a dense autoencoder variational: a Gaussian latent with mean and log-variance heads,
/// the reparameterisation trick, and beta weighting the KL term (beta-VAE). The log-variance is
/// clamped to [<see cref="LogVarianceMin"/>, <see cref="LogVarianceMax"/>] so that exp() never
/// overflows and the loss never becomes NaN.
/// </summary>
/// <param name="Beta">Weight of the KL term per latent dimension and event, relative to the per-cell MSE. Default 1.</param>
/// <param name="LogVarianceMin">Lower clamp of log sigma^2. Default -10.</param>
/// <param name="LogVarianceMax">Upper clamp of log sigma^2. Default 10.</param>
public sealed record VariationalOptions(double Beta = 1.0, double LogVarianceMin = -10, double LogVarianceMax = 10)
{
    /// <summary>Checks the settings.</summary>
    public void Validate()
    {
        if (!(Beta >= 0) || double.IsInfinity(Beta))
        {
            throw new ArgumentException($"beta must be finite and non-negative, got {Beta}.");
        }

        if (!(LogVarianceMin < LogVarianceMax))
        {
            throw new ArgumentException($"log-variance clamp [{LogVarianceMin}, {LogVarianceMax}] is empty.");
        }
    }
}
