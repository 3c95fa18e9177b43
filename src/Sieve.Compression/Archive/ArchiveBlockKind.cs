namespace Sieve.Compression.Archive;

/// <summary>What a block of an archive holds (the u8 in its framing).</summary>
public enum ArchiveBlockKind : byte
{
    /// <summary>Latents: float32 little-endian, row-major (rows, dims).</summary>
    Latents = 1,

    /// <summary>One side channel: each row's value as a LEB128 byte length + UTF-8 bytes.</summary>
    SideChannel = 2,

    /// <summary>Corrections on top of the decoder's output (version 4): int32 per cell, codec 2 (a coded table).</summary>
    Corrections = 3,

    /// <summary>The model's files, embedded (version 4): per file a varint name length, the UTF-8 name, a u64 size and the bytes.</summary>
    Model = 4,
}
