using Sieve.Compression.Archive.Internal;

namespace Sieve.Compression.Archive;

/// <summary>Accounts for every byte of an archive without decoding its payloads.</summary>
public static class ArchiveInspector
{
    /// <summary>Inspects the archive at <paramref name="path"/>.</summary>
    /// <returns>
    /// The accounting. A file whose checksum does not match but whose structure still parses is
    /// returned with <see cref="ChecksumStatus.Mismatch"/>: its numbers describe a damaged file.
    /// </returns>
    /// <exception cref="ArchiveCorruptException">Truncated, or damaged so badly that its structure cannot be read.</exception>
    /// <exception cref="ArchiveFormatException">Intact but structurally invalid or of an unsupported version.</exception>
    public static ArchiveAccounting Inspect(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return InspectBytes(File.ReadAllBytes(path), path);
    }

    /// <summary>Inspects an archive in memory; <paramref name="displayName"/> names it in error messages.</summary>
    public static ArchiveAccounting InspectBytes(byte[] bytes, string displayName)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        ArgumentNullException.ThrowIfNull(displayName);
        ChecksumStatus checksum = ArchiveIntegrity.Check(bytes, displayName);
        ArchiveLayout layout;
        try
        {
            layout = ArchiveLayoutParser.Parse(bytes, displayName);
        }
        catch (ArchiveFormatException e) when (checksum == ChecksumStatus.Mismatch)
        {
            throw ArchiveThrow.Corrupt(displayName, $"checksum mismatch, and the damaged structure cannot be read: {e.Problem}", e);
        }

        var blocks = layout.Blocks
            .Select(b => new ArchiveBlockAccount(b.Kind, b.Name, b.Codec, b.StoredLength, b.RawLength))
            .ToList();
        return new ArchiveAccounting(
            FileBytes: bytes.LongLength,
            PreambleBytes: ArchiveFormat.PreambleSize,
            HeaderBytes: layout.HeaderLength,
            Blocks: blocks,
            FramingBytes: 4 + 4 + (ArchiveFormat.BlockFrameSize * blocks.Count),
            TrailerBytes: ArchiveFormat.TrailerSize,
            Checksum: checksum);
    }
}
