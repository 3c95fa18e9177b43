using System.Security.Cryptography;

namespace Sieve.Compression.Archive.Internal;

/// <summary>
/// Length, end marker and SHA-256 checks, done before a single byte of the archive is interpreted.
/// </summary>
internal static class ArchiveIntegrity
{
    /// <summary>Throws <see cref="ArchiveCorruptException"/> unless the file is complete and its checksum matches.</summary>
    public static void EnsureValid(ReadOnlySpan<byte> bytes, string file)
    {
        if (Check(bytes, file) != ChecksumStatus.Valid)
        {
            byte[] stored = bytes.Slice(bytes.Length - ArchiveFormat.TrailerSize, ArchiveFormat.ChecksumSize).ToArray();
            string actual = Convert.ToHexStringLower(ComputeDigest(bytes));
            throw ArchiveThrow.Corrupt(file,
                $"checksum mismatch: the SHA-256 of bytes 0..{bytes.Length - ArchiveFormat.TrailerSize - 1} is {actual} "
                + $"but the trailer records {Convert.ToHexStringLower(stored)}{Hint(bytes)}");
        }
    }

    /// <summary>
    /// Compares the trailer's digest with the file; throws <see cref="ArchiveCorruptException"/> when
    /// the file is too short or lacks its end marker (truncated: the checksum cannot be verified).
    /// </summary>
    public static ChecksumStatus Check(ReadOnlySpan<byte> bytes, string file)
    {
        if (bytes.Length < ArchiveFormat.MinimumSize)
        {
            throw ArchiveThrow.Corrupt(file,
                $"truncated: the file is {bytes.Length} bytes, shorter than the smallest possible archive "
                + $"({ArchiveFormat.MinimumSize} bytes), so its checksum cannot be verified{Hint(bytes)}");
        }

        if (!bytes[^ArchiveFormat.EndMarker.Length..].SequenceEqual(ArchiveFormat.EndMarker))
        {
            throw ArchiveThrow.Corrupt(file,
                $"truncated or damaged at the end: the file ({bytes.Length} bytes) does not end with the end marker "
                + $"\"SIEVEEND\", so its checksum cannot be verified{Hint(bytes)}");
        }

        ReadOnlySpan<byte> stored = bytes.Slice(bytes.Length - ArchiveFormat.TrailerSize, ArchiveFormat.ChecksumSize);
        return CryptographicOperations.FixedTimeEquals(ComputeDigest(bytes), stored) ? ChecksumStatus.Valid : ChecksumStatus.Mismatch;
    }

    /// <summary>SHA-256 over every byte before the trailer.</summary>
    public static byte[] ComputeDigest(ReadOnlySpan<byte> bytes) =>
        DigestOfCovered(bytes[..(bytes.Length - ArchiveFormat.TrailerSize)]);

    /// <summary>SHA-256 of the covered bytes (everything from the magic to the end of the last block).</summary>
    public static byte[] DigestOfCovered(ReadOnlySpan<byte> covered) => SHA256.HashData(covered);

    /// <summary>Extra words when the start of the file says more than "damaged".</summary>
    private static string Hint(ReadOnlySpan<byte> bytes)
    {
        ReadOnlySpan<byte> magic = ArchiveFormat.Magic;
        if (bytes.StartsWith(magic))
        {
            return string.Empty;
        }

        if (bytes.StartsWith(magic[..4]))
        {
            return "; the magic bytes after \"SIV\" are altered, as happens when a file is copied in text mode (line endings converted)";
        }

        return "; the file does not start with the .sieve magic bytes, so it may not be a .sieve archive at all";
    }
}
