namespace Sieve.IO.Root;

/// <summary>Compression algorithms of ROOT's compressed blocks (the two-letter block tags).</summary>
public enum RootCompressionAlgorithm
{
    /// <summary>Stored without compression.</summary>
    None,

    /// <summary>zlib (block tag "ZL").</summary>
    Zlib,

    /// <summary>LZ4 with an xxhash64 checksum (block tag "L4").</summary>
    Lz4,

    /// <summary>LZMA in an xz container (block tag "XZ").</summary>
    Lzma,

    /// <summary>Zstandard (block tag "ZS").</summary>
    Zstd,

    /// <summary>ROOT's old built-in deflate (block tag "CS"); recognised but not decoded.</summary>
    OldRoot,
}
