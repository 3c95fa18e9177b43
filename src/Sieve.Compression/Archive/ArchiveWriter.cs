using System.Buffers.Binary;
using Sieve.Compression.Archive.Internal;
using Sieve.Core.Tables;

namespace Sieve.Compression.Archive;

/// <summary>Writes <c>.sieve</c> archives (format versions 1 to 4, docs/archive-format.md).</summary>
public static class ArchiveWriter
{
    /// <summary>
    /// Writes the archive to <paramref name="path"/> atomically: the bytes go to a temporary file in
    /// the same folder, flushed to disk, then renamed over the final name, so a reader never sees a
    /// half-written archive under that name.
    /// </summary>
    /// <exception cref="ArgumentException">The content is inconsistent (see <see cref="ToBytes"/>).</exception>
    public static void Write(string path, ArchiveContent content)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        byte[] bytes = ToBytes(content);
        string fullPath = Path.GetFullPath(path);
        string folder = Path.GetDirectoryName(fullPath) ?? throw new ArgumentException($"'{path}' names no file.", nameof(path));
        string temporary = Path.Combine(folder, $".{Path.GetFileName(fullPath)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                stream.Write(bytes);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, fullPath, overwrite: true);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }

    /// <summary>The archive's bytes; equal content always gives equal bytes.</summary>
    /// <exception cref="ArgumentException">
    /// The header breaks a rule (version, shapes, names, model hash), latents are not rows x dims
    /// or not finite, or side channels do not match the header's names or row count.
    /// </exception>
    public static byte[] ToBytes(ArchiveContent content)
    {
        ArchiveContentValidator.Validate(content);
        ArchiveHeader header = content.Header;
        byte[] headerJson = HeaderJsonWriter.Write(header);

        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(ArchiveFormat.Magic);
            writer.Write((ushort)header.FormatVersion);
            writer.Write((ushort)0);
            writer.Write((uint)headerJson.Length);
            writer.Write(headerJson);
            WriteDataBlocks(writer, content, withModel: true, latentPlan: null, ArchiveFormat.SideChannelZstdLevel);
        }

        stream.Write(ArchiveIntegrity.DigestOfCovered(stream.GetBuffer().AsSpan(0, (int)stream.Length)));
        stream.Write(ArchiveFormat.EndMarker);
        return stream.ToArray();
    }

    /// <summary>
    /// The blocks that hold rows, in their fixed order: latents, corrections, the embedded model (when
    /// <paramref name="withModel"/>; chunks of version 5 keep it in the footer instead), side channels.
    /// Returns the coding plan of an int32 latent table (null otherwise), so later chunks can reuse it.
    /// </summary>
    /// <param name="latentPlan">Plan for the latent table; null = choose by measuring.</param>
    internal static IReadOnlyList<Coding.ColumnPlan>? WriteDataBlocks(BinaryWriter writer, ArchiveContent content, bool withModel,
        IReadOnlyList<Coding.ColumnPlan>? latentPlan, int zstdLevel)
    {
        ArchiveHeader header = content.Header;
        IReadOnlyList<Coding.ColumnPlan>? plan = null;
        writer.Write((uint)(1 + (header.Corrections is null ? 0 : 1) + (withModel && header.ModelEmbedded ? 1 : 0) + content.SideChannels.Count));
        byte[] latents = LatentBytes(content.Latents, header.Latent.DType);
        if (header.Latent.DType == LatentDType.Int32)
        {
            // Quantised values: one range-coded model per column, which is what makes them small.
            // Raw int32 when the coder's models would cost more than they save (tiny tables).
            int[] symbols = [.. content.Latents.Select(x => (int)x)];
            bool trellis = header.Latent.Quantisation == LatentQuantisation.Trellis;
            byte[] coded;
            if (header.FormatVersion >= 4)
            {
                (coded, plan) = Coding.TableCoder.EncodeRecording(symbols, header.Latent.Dims, trellis,
                    latentPlan ?? Coding.TableCoder.Plan(symbols, header.Latent.Dims, trellis));
            }
            else
            {
                coded = Coding.EntropyCoder.EncodeColumns(symbols, header.Latent.Dims);
            }

            (ArchiveCodec codec, byte[] stored) = coded.Length < latents.Length ? (ArchiveCodec.Entropy, coded) : (ArchiveCodec.Raw, latents);
            WriteBlock(writer, ArchiveBlockKind.Latents, codec, stored, latents.LongLength);
        }
        else
        {
            WriteBlock(writer, ArchiveBlockKind.Latents, ArchiveCodec.Raw, latents, latents.LongLength);
        }

        if (header.Corrections is { } corrections)
        {
            // Always a coded table: corrections are small integers, and trellis ones must keep their parity.
            byte[] coded = Coding.TableCoder.Encode(content.Corrections, corrections.Dims, corrections.Quantisation == LatentQuantisation.Trellis);
            WriteBlock(writer, ArchiveBlockKind.Corrections, ArchiveCodec.Entropy, coded, (long)content.Corrections!.Length * 4);
        }

        if (withModel && header.ModelEmbedded)
        {
            WriteModelBlock(writer, content.EmbeddedModel!);
        }

        foreach (SideChannel channel in content.SideChannels)
        {
            byte[] raw = SideChannelCodec.Encode(channel);
            (ArchiveCodec codec, byte[] stored) = BlockCodec.Compress(raw, zstdLevel);
            if (header.FormatVersion >= 4 && BlockCodec.CanonicalIntegers(channel.Values) is { } integers)
            {
                // Ids and row numbers: coded as numbers they cost about log2(range) bits each, a
                // quarter less than zstd of their text.
                byte[] coded = BlockCodec.EncodeIntegerText(integers);
                if (coded.Length < stored.Length)
                {
                    (codec, stored) = (ArchiveCodec.IntegerText, coded);
                }
            }

            WriteBlock(writer, ArchiveBlockKind.SideChannel, codec, stored, raw.LongLength);
        }

        return plan;
    }

    /// <summary>The embedded model's files as one block (zstd when smaller).</summary>
    internal static void WriteModelBlock(BinaryWriter writer, IReadOnlyList<EmbeddedFile> files)
    {
        byte[] raw = EmbeddedModelCodec.Encode(files);
        (ArchiveCodec codec, byte[] stored) = BlockCodec.Compress(raw, ArchiveFormat.SideChannelZstdLevel);
        WriteBlock(writer, ArchiveBlockKind.Model, codec, stored, raw.LongLength);
    }

    private static void WriteBlock(BinaryWriter writer, ArchiveBlockKind kind, ArchiveCodec codec, byte[] stored, long rawLength)
    {
        writer.Write((byte)kind);
        writer.Write((byte)codec);
        writer.Write((ulong)stored.LongLength);
        writer.Write((ulong)rawLength);
        writer.Write(stored);
    }

    private static byte[] LatentBytes(float[] latents, LatentDType dtype)
    {
        int size = ArchiveFormat.BytesPerLatent(dtype);
        byte[] bytes = new byte[latents.LongLength * size];
        for (int i = 0; i < latents.Length; i++)
        {
            if (dtype == LatentDType.Float16)
            {
                BinaryPrimitives.WriteHalfLittleEndian(bytes.AsSpan(i * size), (Half)latents[i]);
            }
            else if (dtype == LatentDType.Int32)
            {
                BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(i * size), (int)latents[i]);
            }
            else
            {
                BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(i * size), latents[i]);
            }
        }

        return bytes;
    }
}
