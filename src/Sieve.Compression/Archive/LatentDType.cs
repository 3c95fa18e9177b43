namespace Sieve.Compression.Archive;

/// <summary>Element type of the stored latents (header <c>latent.dtype</c>).</summary>
public enum LatentDType
{
    /// <summary>IEEE 754 binary32, little-endian; header text "float32". The only type in v1.</summary>
    Float32,

    /// <summary>IEEE 754 binary16 (half), little-endian; header text "float16". Format version 2.</summary>
    Float16,
}
