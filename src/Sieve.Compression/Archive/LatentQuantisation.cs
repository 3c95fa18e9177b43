namespace Sieve.Compression.Archive;

/// <summary>How int32 latents were quantised (header <c>latent.quantisation</c>, format version 4).</summary>
public enum LatentQuantisation
{
    /// <summary>Each value rounded on its own to a multiple of the step; header text "uniform".</summary>
    Uniform,

    /// <summary>
    /// Indices chosen along the 4-state trellis of <see cref="Coding.TrellisQuantizer"/> (lower
    /// RMS error at the same rate); header text "trellis". Decoding is the same: index times step.
    /// </summary>
    Trellis,
}
