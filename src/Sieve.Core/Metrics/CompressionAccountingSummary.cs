namespace Sieve.Core.Metrics;

/// <summary>
/// Size accounting of an archive, filled by the caller when an archive is given. Ratios are derived
/// from the byte counts, never stored separately.
/// </summary>
/// <param name="RawBytes">Bytes of the raw input.</param>
/// <param name="ArchiveBytes">Bytes of the archive: everything needed to decompress (model weights too unless shared).</param>
/// <param name="Rows">Rows (events or objects) in the archive.</param>
/// <param name="ModelBytes">Bytes of the model weights when they are shared rather than stored in the archive; null if not given.</param>
public sealed record CompressionAccountingSummary(long RawBytes, long ArchiveBytes, long Rows, long? ModelBytes = null)
{
    /// <summary>RawBytes / ArchiveBytes.</summary>
    public double CompressionRatio => (double)RawBytes / ArchiveBytes;

    /// <summary>ArchiveBytes / Rows.</summary>
    public double BytesPerRow => (double)ArchiveBytes / Rows;

    /// <summary>8 x <see cref="BytesPerRow"/>.</summary>
    public double BitsPerRow => 8 * BytesPerRow;

    /// <summary>Where the archive's bytes go (header with schema and normaliser, latents, side channels, framing and checksum); null when not known.</summary>
    public ArchiveSections? Sections { get; init; }

    /// <summary>Raw float32 size of the features (rows x features x 4 bytes): the size the latents compete with.</summary>
    public long? RawFeatureFloat32Bytes { get; init; }

    /// <summary>
    /// Rows one must compress before the bytes saved ((RawBytes - ArchiveBytes) / Rows per row) pay for
    /// a shared model of <see cref="ModelBytes"/>; null without ModelBytes or when nothing is saved per row.
    /// </summary>
    public double? ModelPaybackRows
    {
        get
        {
            if (ModelBytes is not long model || Rows <= 0)
            {
                return null;
            }

            double savedPerRow = (double)(RawBytes - ArchiveBytes) / Rows;
            return savedPerRow > 0 ? model / savedPerRow : null;
        }
    }
}
