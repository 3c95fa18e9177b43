namespace Sieve.Compression.Archive;

/// <summary>One entry of a version 5 archive's chunk index.</summary>
/// <param name="Offset">Where the chunk starts in the file.</param>
/// <param name="Length">Bytes of the chunk.</param>
/// <param name="Rows">Rows it holds.</param>
/// <param name="Sha256">SHA-256 of its bytes, checked before any of them is interpreted.</param>
public sealed record ArchiveChunkEntry(long Offset, long Length, int Rows, byte[] Sha256)
{
    /// <summary>Index of the chunk's first row in the whole archive.</summary>
    public long FirstRow { get; init; }
}
