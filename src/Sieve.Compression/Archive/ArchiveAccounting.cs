namespace Sieve.Compression.Archive;

/// <summary>
/// Where the bytes of an archive go. <see cref="TotalBytes"/> equals <see cref="FileBytes"/> for
/// every archive the inspector accepts.
/// </summary>
/// <param name="FileBytes">Size of the file.</param>
/// <param name="PreambleBytes">Magic + version + flags (12).</param>
/// <param name="HeaderBytes">The header JSON (its u32 length prefix counts as framing).</param>
/// <param name="Blocks">Each block's payload, in file order: latents, then side channels.</param>
/// <param name="FramingBytes">Header length prefix, block count and every block's 18-byte framing (version 5: per chunk, and the footer's counts, chunk index and offset).</param>
/// <param name="TrailerBytes">SHA-256 digest + end marker (40).</param>
/// <param name="Checksum">Whether the trailer's digest matches the file.</param>
public sealed record ArchiveAccounting(
    long FileBytes,
    int PreambleBytes,
    int HeaderBytes,
    IReadOnlyList<ArchiveBlockAccount> Blocks,
    int FramingBytes,
    int TrailerBytes,
    ChecksumStatus Checksum)
{
    /// <summary>
    /// Per column of a table-coded latent block (archive version 4), in coding order; their bytes
    /// plus <see cref="LatentTableOverheadBytes"/> make the latent block. Null for other blocks.
    /// </summary>
    public IReadOnlyList<LatentColumnAccount>? LatentColumns { get; init; }

    /// <summary>Per feature of the corrections block (version 4), in coding order; null without corrections.</summary>
    public IReadOnlyList<LatentColumnAccount>? CorrectionColumns { get; init; }

    /// <summary>Chunks of a version 5 archive; 0 for the older, unchunked versions.</summary>
    public int Chunks { get; init; }

    /// <summary>Bytes of the latent table outside its columns (magic, shape, order, CRC); 0 without a table.</summary>
    public int LatentTableOverheadBytes { get; init; }

    /// <summary>Stored bytes of the latent block.</summary>
    public long LatentBytes => Blocks.Where(b => b.Kind == ArchiveBlockKind.Latents).Sum(b => b.StoredBytes);

    /// <summary>Stored bytes of the corrections block (0 without).</summary>
    public long CorrectionBytes => Blocks.Where(b => b.Kind == ArchiveBlockKind.Corrections).Sum(b => b.StoredBytes);

    /// <summary>Of <see cref="HeaderBytes"/>: the normaliser and the corrections' quantiser as written in the header JSON.</summary>
    public int HeaderNormaliserBytes { get; init; }

    /// <summary>Stored bytes of the embedded model (0 when it is referenced by hash instead).</summary>
    public long ModelBytes => Blocks.Where(b => b.Kind == ArchiveBlockKind.Model).Sum(b => b.StoredBytes);

    /// <summary>Payload bytes of all side channels.</summary>
    public long SideChannelBytes => Blocks.Where(b => b.Kind == ArchiveBlockKind.SideChannel).Sum(b => b.StoredBytes);

    /// <summary>Sum of every part; equals <see cref="FileBytes"/>.</summary>
    public long TotalBytes => PreambleBytes + HeaderBytes + Blocks.Sum(b => b.StoredBytes) + FramingBytes + TrailerBytes;
}
