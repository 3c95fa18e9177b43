using Sieve.Core.Errors;

namespace Sieve.Compression.Archive;

/// <summary>
/// A file that is not a readable <c>.sieve</c> archive: unknown version, malformed header,
/// inconsistent lengths. <see cref="ArchiveCorruptException"/> is the subclass for damage
/// caught by the checksum or the end marker.
/// </summary>
public class ArchiveFormatException : SieveDataException
{
    /// <summary>Creates the exception; <paramref name="field"/> names the part (e.g. "header.schema.row_count").</summary>
    public ArchiveFormatException(string file, string? field, string problem, string? expected = null, Exception? inner = null)
        : base(file, null, field, problem, expected, inner)
    {
    }
}
