using System.Buffers.Binary;
using Sieve.Compression.Archive.Internal;
using Sieve.Core.Tables;

namespace Sieve.Compression.Archive;

/// <summary>
/// Reads <c>.sieve</c> archives. The length, end marker and SHA-256 checksum are verified before
/// anything else is interpreted; then every length is checked against the bytes really present.
/// </summary>
public static class ArchiveReader
{
    /// <summary>Reads the archive at <paramref name="path"/> (the whole file is loaded into memory).</summary>
    /// <exception cref="ArchiveCorruptException">Truncated, or the checksum does not match.</exception>
    /// <exception cref="ArchiveFormatException">Intact but not readable: unsupported version, malformed header or blocks.</exception>
    public static ArchiveContent Read(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return FromBytes(File.ReadAllBytes(path), path);
    }

    /// <summary>
    /// The header of the archive at <paramref name="path"/>, verified but nothing decoded: of a version 5
    /// archive only the footer is read; an older one is checked against its checksum and parsed.
    /// </summary>
    /// <exception cref="ArchiveCorruptException">Truncated, or the checksum does not match.</exception>
    /// <exception cref="ArchiveFormatException">Intact but not readable.</exception>
    public static ArchiveHeader ReadHeader(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (ChunkedArchive.IsChunked(path))
        {
            using ChunkedArchive chunked = ChunkedArchive.Open(path);
            return chunked.Header;
        }

        byte[] bytes = File.ReadAllBytes(path);
        ArchiveIntegrity.EnsureValid(bytes, path);
        return ArchiveLayoutParser.Parse(bytes, path).Header;
    }

    /// <summary>Reads an archive from memory; <paramref name="displayName"/> names it in error messages.</summary>
    /// <exception cref="ArchiveCorruptException">Truncated, or the checksum does not match.</exception>
    /// <exception cref="ArchiveFormatException">Intact but not readable: unsupported version, malformed header or blocks.</exception>
    public static ArchiveContent FromBytes(byte[] bytes, string displayName)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        ArgumentNullException.ThrowIfNull(displayName);
        if (ChunkedArchive.IsChunked(bytes))
        {
            using ChunkedArchive chunked = ChunkedArchive.FromBytes(bytes, displayName);
            return chunked.ReadAll();
        }

        ArchiveIntegrity.EnsureValid(bytes, displayName);
        return Decode(bytes, ArchiveLayoutParser.Parse(bytes, displayName), displayName);
    }

    /// <summary>Decodes the blocks <paramref name="layout"/> located in <paramref name="bytes"/> (a whole archive, or one chunk of version 5).</summary>
    internal static ArchiveContent Decode(byte[] bytes, ArchiveLayout layout, string displayName)
    {
        float[] latents = DecodeLatents(bytes, layout, displayName);
        int[]? corrections = null;
        if (layout.Blocks.FirstOrDefault(b => b.Kind == ArchiveBlockKind.Corrections) is { } correctionBlock)
        {
            byte[] raw = BlockCodec.Decode(bytes.AsSpan(correctionBlock.Offset, correctionBlock.StoredLength), correctionBlock.Codec, correctionBlock.RawLength, displayName, correctionBlock.Field);
            corrections = new int[raw.Length / 4];
            for (int i = 0; i < corrections.Length; i++)
            {
                corrections[i] = BinaryPrimitives.ReadInt32LittleEndian(raw.AsSpan(i * 4));
            }
        }

        IReadOnlyList<EmbeddedFile>? model = null;
        if (layout.Blocks.FirstOrDefault(b => b.Kind == ArchiveBlockKind.Model) is { } modelBlock)
        {
            byte[] raw = BlockCodec.Decode(bytes.AsSpan(modelBlock.Offset, modelBlock.StoredLength), modelBlock.Codec, modelBlock.RawLength, displayName, modelBlock.Field);
            model = EmbeddedModelCodec.Decode(raw, displayName, modelBlock.Field);
        }

        var channels = new List<SideChannel>(layout.Blocks.Count - 1);
        foreach (BlockLocation block in layout.Blocks.Where(b => b.Kind == ArchiveBlockKind.SideChannel))
        {
            byte[] raw = BlockCodec.Decode(bytes.AsSpan(block.Offset, block.StoredLength), block.Codec, block.RawLength, displayName, block.Field);
            channels.Add(new SideChannel(block.Name, SideChannelCodec.Decode(raw, layout.Header.Latent.Rows, displayName, block.Name)));
        }

        return new ArchiveContent(layout.Header, latents, channels) { Corrections = corrections, EmbeddedModel = model };
    }

    private static float[] DecodeLatents(byte[] bytes, ArchiveLayout layout, string file)
    {
        BlockLocation block = layout.Blocks[0];
        byte[] raw = BlockCodec.Decode(bytes.AsSpan(block.Offset, block.StoredLength), block.Codec, block.RawLength, file, block.Field);
        int dims = layout.Header.Latent.Dims;
        LatentDType dtype = layout.Header.Latent.DType;
        int size = ArchiveFormat.BytesPerLatent(dtype);
        var latents = new float[raw.Length / size];
        for (int i = 0; i < latents.Length; i++)
        {
            float value = dtype switch
            {
                LatentDType.Float16 => (float)BinaryPrimitives.ReadHalfLittleEndian(raw.AsSpan(i * size)),
                LatentDType.Int32 => BinaryPrimitives.ReadInt32LittleEndian(raw.AsSpan(i * size)),
                _ => BinaryPrimitives.ReadSingleLittleEndian(raw.AsSpan(i * size)),
            };
            if (!float.IsFinite(value))
            {
                throw ArchiveThrow.Format(file, $"latent block, row {i / dims}, dim {i % dims}", $"holds {value}", $"finite {HeaderNames.DType(dtype)} values only");
            }

            latents[i] = value;
        }

        return latents;
    }
}
