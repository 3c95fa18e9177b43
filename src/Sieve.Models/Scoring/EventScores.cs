namespace Sieve.Models.Scoring;

/// <summary>Scores of N rows; KL and R_z only for VAEs.</summary>
/// <param name="Recon">Reconstruction error per row.</param>
/// <param name="Kl">KL per row, or null.</param>
/// <param name="Rz">R_z per row, or null.</param>
public sealed record EventScores(double[] Recon, double[]? Kl, double[]? Rz)
{
    /// <summary>The scores of one kind; a clear error when the model cannot give it.</summary>
    public double[] Of(ScoreKind kind) => kind switch
    {
        ScoreKind.Recon => Recon,
        ScoreKind.Kl => Kl ?? throw new ArgumentException("the KL score needs a VAE (train with --vae)."),
        ScoreKind.Rz => Rz ?? throw new ArgumentException("the R_z score needs a VAE (train with --vae)."),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown score"),
    };
}
