namespace Sieve.Compression.Archive;

/// <summary>How a block's payload is stored (the u8 in its framing).</summary>
public enum ArchiveCodec : byte
{
    /// <summary>Stored as is: stored length equals raw length.</summary>
    Raw = 0,

    /// <summary>One zstd frame that decompresses to exactly the raw length.</summary>
    Zstd = 1,

    /// <summary>
    /// Range-coded integer columns (Sieve.Compression.Coding.EntropyCoder column block, its own
    /// CRC-32), decoding to rows x dims int32 little-endian. Only for int32 latents (version 3).
    /// </summary>
    Entropy = 2,
}
