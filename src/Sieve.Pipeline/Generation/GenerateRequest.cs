namespace Sieve.Pipeline.Generation;

/// <summary>What <c>sieve generate</c> does.</summary>
/// <param name="ModelDirectory">A trained VAE (model.json + weights.bin).</param>
/// <param name="Count">Rows to generate (events, or objects for a per-object model).</param>
/// <param name="OutputPath">CSV file to write (atomically).</param>
/// <param name="Seed">Seed of the latent draws; default 42.</param>
/// <param name="Temperature">Scale of the latent spread: z = mu + T sigma eps; 1 = the distribution itself.</param>
/// <param name="Source">Prior N(0, I), a Gaussian fitted to a reference's latents, or the reference's aggregate posterior.</param>
/// <param name="ReferencePath">The file whose encoded latents are fitted or drawn around (required for <see cref="LatentSource.Fitted"/> and <see cref="LatentSource.Posterior"/>); read as the model was trained.</param>
public sealed record GenerateRequest(string ModelDirectory, int Count, string OutputPath, int Seed = 42, double Temperature = 1,
    LatentSource Source = LatentSource.Prior, string? ReferencePath = null)
{
    /// <summary>Throws naming the first setting out of range.</summary>
    public void Validate()
    {
        if (Count < 1)
        {
            throw new ArgumentException($"--n {Count}: expected at least 1 row to generate.");
        }

        if (!(Temperature > 0) || !double.IsFinite(Temperature))
        {
            throw new ArgumentException($"--temperature {Temperature}: expected a positive number (1 samples the distribution itself).");
        }

        if (Source != LatentSource.Prior && ReferencePath is null)
        {
            throw new ArgumentException($"--latent {Source.ToString().ToLowerInvariant()} needs --reference FILE: the model directory keeps no training latents, so a file (the training split, say) is encoded and its latents used.");
        }

        if (Source == LatentSource.Prior && ReferencePath is not null)
        {
            throw new ArgumentException("--reference is only read with --latent fitted; the prior N(0, I) needs no data.");
        }
    }
}
