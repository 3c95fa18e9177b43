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

    /// <summary>
    /// A side channel whose every value is the canonical decimal text of an int (ids, row numbers,
    /// labels as numbers): one Sieve.Compression.Coding.EntropyCoder block of those ints, its own
    /// CRC-32; decodes to the usual side-channel payload of their texts. Version 4 side channels only.
    /// </summary>
    IntegerText = 3,
}
