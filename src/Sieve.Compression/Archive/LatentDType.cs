namespace Sieve.Compression.Archive;

/// <summary>Element type of the stored latents (header <c>latent.dtype</c>).</summary>
public enum LatentDType
{
    /// <summary>IEEE 754 binary32, little-endian; header text "float32". The only type in v1.</summary>
    Float32,

    /// <summary>IEEE 754 binary16 (half), little-endian; header text "float16". Format version 2.</summary>
    Float16,

    /// <summary>
    /// Quantised integers (|value| &lt; 2^24, so exact in the float32 latents of the API), stored as
    /// entropy-coded columns; header text "int32". Format version 3.
    /// </summary>
    Int32,
}
