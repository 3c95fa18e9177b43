namespace Sieve.Compression.Archive;

/// <summary>Element type of the stored latents (header <c>latent.dtype</c>).</summary>
public enum LatentDType
{
    /// <summary>IEEE 754 binary32, little-endian; header text "float32". The only type in v1.</summary>
    Float32,
}
