namespace Sieve.Compression.Archive;

/// <summary>
/// Constants of the <c>.sieve</c> archive format; docs/archive-format.md is the byte-level spec.
/// </summary>
public static class ArchiveFormat
{
    /// <summary>The newest format version this library writes (<see cref="ChunkedVersion"/>).</summary>
    public const int CurrentVersion = 5;

    /// <summary>Conventional file extension, with the dot.</summary>
    public const string FileExtension = ".sieve";

    /// <summary>Bytes of magic + u16 version + u16 flags at the start of every archive.</summary>
    public const int PreambleSize = 12;

    /// <summary>Bytes of framing before each block's payload: u8 kind, u8 codec, u64 stored, u64 raw.</summary>
    public const int BlockFrameSize = 18;

    /// <summary>Bytes of the SHA-256 digest in the trailer.</summary>
    public const int ChecksumSize = 32;

    /// <summary>Bytes of the trailer: SHA-256 digest + end marker.</summary>
    public const int TrailerSize = ChecksumSize + 8;

    /// <summary>
    /// Smallest possible file: preamble, u32 header length, u32 block count, trailer
    /// (a real archive is larger: its header and latent block are never empty).
    /// </summary>
    public const int MinimumSize = PreambleSize + 4 + 4 + TrailerSize;

    /// <summary>zstd level used for side channels (deterministic for a given zstd implementation).</summary>
    public const int SideChannelZstdLevel = 19;

    /// <summary>
    /// The chunked version (docs/archive-format.md, "Version 5"): independent chunks of rows, each
    /// with its own blocks and SHA-256, then a footer with the header and the chunk index. Any latent
    /// dtype; written by <see cref="ChunkedArchiveWriter"/>.
    /// </summary>
    public const int ChunkedVersion = 5;

    /// <summary>Bytes of a version 5 trailer: u64 footer offset, SHA-256 of the footer, end marker.</summary>
    public const int ChunkedTrailerSize = 8 + ChecksumSize + 8;

    /// <summary>Bytes of one entry of the version 5 chunk index: u64 offset, u64 length, u64 rows, SHA-256.</summary>
    public const int ChunkIndexEntrySize = 8 + 8 + 8 + ChecksumSize;

    /// <summary>Smallest possible version 5 file: preamble, footer (header length, shared block count, chunk count) and trailer.</summary>
    public const int ChunkedMinimumSize = PreambleSize + 4 + 4 + 4 + ChunkedTrailerSize;

    /// <summary>Versions this library reads.</summary>
    public static IReadOnlyList<int> SupportedVersions { get; } = [1, 2, 3, 4, 5];

    /// <summary>Largest magnitude of an int32 latent: integers beyond 2^24 are not exact in float32.</summary>
    public const int MaxIntegerLatent = 1 << 24;

    /// <summary>
    /// The version a writer gives an archive: the oldest that can hold its content, so archives
    /// with float32 latents stay version 1, byte for byte, and readers of v1 keep reading them.
    /// </summary>
    /// <remarks>
    /// Int32 latents are written as version 4 (<see cref="Coding.TableCoder"/>: coding order,
    /// predictors, contexts, trellis); version 3 (<see cref="Coding.EntropyCoder.EncodeColumns"/>)
    /// is still read, and written only when a header asks for it.
    /// </remarks>
    public static int VersionFor(LatentDType dtype) => dtype switch
    {
        LatentDType.Float32 => 1,
        LatentDType.Float16 => 2,
        _ => 4,
    };

    /// <summary>Whether <paramref name="version"/> may hold latents of <paramref name="dtype"/> (int32: 3 or 4; any in 5).</summary>
    public static bool Allows(int version, LatentDType dtype) =>
        version == VersionFor(dtype) || (dtype == LatentDType.Int32 && version == 3) || version == ChunkedVersion;

    /// <summary>Bytes per stored latent value.</summary>
    public static int BytesPerLatent(LatentDType dtype) => dtype switch
    {
        LatentDType.Float32 => 4,
        LatentDType.Float16 => 2,
        LatentDType.Int32 => 4,
        _ => throw new ArgumentOutOfRangeException(nameof(dtype), dtype, "unknown latent dtype"),
    };

    /// <summary>
    /// First 8 bytes, PNG-style: 0x89 (high bit: catches 7-bit transports), "SIV", CR LF (catches
    /// CRLF -> LF), 0x1A (stops DOS <c>type</c>), LF (catches LF -> CRLF).
    /// </summary>
    public static ReadOnlySpan<byte> Magic => [0x89, (byte)'S', (byte)'I', (byte)'V', 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>Last 8 bytes: ASCII "SIEVEEND"; missing means truncated (or damaged at the end).</summary>
    public static ReadOnlySpan<byte> EndMarker => "SIEVEEND"u8;
}
