namespace Sieve.Models.Scoring;

/// <summary>Anomaly scores; high means anomalous.</summary>
public enum ScoreKind
{
    /// <summary>Reconstruction error: mean squared error over the row's present cells (normalised units).</summary>
    Recon,

    /// <summary>KL divergence of the VAE's latent posterior from N(0, 1) (VAE only).</summary>
    Kl,

    /// <summary>R_z = sum mu^2 / sigma^2, from the VAE's encoder alone (VAE only).</summary>
    Rz,
}
