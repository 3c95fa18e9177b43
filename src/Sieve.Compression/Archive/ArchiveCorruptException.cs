namespace Sieve.Compression.Archive;

/// <summary>
/// The archive is damaged or truncated: the SHA-256 checksum in the trailer does not match, or the
/// file is too short or lacks its end marker so the checksum cannot be verified. Nothing in such a
/// file is interpreted.
/// </summary>
public sealed class ArchiveCorruptException : ArchiveFormatException
{
    /// <summary>Creates the exception.</summary>
    public ArchiveCorruptException(string file, string problem, string? expected = null, Exception? inner = null)
        : base(file, null, problem, expected, inner)
    {
    }
}
