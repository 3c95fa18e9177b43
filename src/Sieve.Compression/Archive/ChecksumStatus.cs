namespace Sieve.Compression.Archive;

/// <summary>Result of comparing the trailer's SHA-256 with the file's bytes.</summary>
public enum ChecksumStatus
{
    /// <summary>The digest matches every byte before it.</summary>
    Valid,

    /// <summary>The digest does not match: the file is damaged.</summary>
    Mismatch,
}
