using ZstdSharp;
using ZstdSharp.Unsafe;

namespace Sieve.Compression.Archive.Internal;

/// <summary>Encodes and decodes block payloads (raw or zstd), never trusting a declared length.</summary>
internal static class BlockCodec
{
    /// <summary>zstd at <paramref name="level"/>; raw when zstd would not make it smaller.</summary>
    public static (ArchiveCodec Codec, byte[] Stored) Compress(byte[] raw, int level)
    {
        using var compressor = new Compressor(level);
        compressor.SetParameter(ZSTD_cParameter.ZSTD_c_contentSizeFlag, 1);
        compressor.SetParameter(ZSTD_cParameter.ZSTD_c_checksumFlag, 0);
        byte[] zstd = compressor.Wrap(raw).ToArray();
        return zstd.Length < raw.Length ? (ArchiveCodec.Zstd, zstd) : (ArchiveCodec.Raw, raw);
    }

    /// <summary>
    /// Decodes a payload to exactly <paramref name="rawLength"/> bytes. zstd output is produced in
    /// chunks and refused as soon as it exceeds the declared length, so a lying length or a
    /// decompression bomb cannot exhaust memory.
    /// </summary>
    public static byte[] Decode(ReadOnlySpan<byte> stored, ArchiveCodec codec, long rawLength, string file, string field)
    {
        if (rawLength > Array.MaxLength)
        {
            throw ArchiveThrow.Format(file, field, $"raw length {rawLength} is larger than this reader can hold", $"at most {Array.MaxLength}");
        }

        switch (codec)
        {
            case ArchiveCodec.Raw:
                if (stored.Length != rawLength)
                {
                    throw ArchiveThrow.Format(file, field,
                        $"raw (uncompressed) block has stored length {stored.Length} but raw length {rawLength}", "equal lengths for codec 0 (raw)");
                }

                return stored.ToArray();
            case ArchiveCodec.Zstd:
                return DecompressZstd(stored.ToArray(), (int)rawLength, file, field);
            case ArchiveCodec.Entropy:
                return DecodeEntropy(stored, rawLength, file, field);
            case ArchiveCodec.IntegerText:
                return DecodeIntegerText(stored, rawLength, file, field);
            default:
                throw ArchiveThrow.Format(file, field, $"unknown codec {(byte)codec}", "0 (raw), 1 (zstd), 2 (entropy) or 3 (integer text)");
        }
    }

    /// <summary>
    /// The side channel's ints when every value is the canonical invariant text of one (so text ->
    /// int -> text gives the same bytes); null otherwise.
    /// </summary>
    public static int[]? CanonicalIntegers(IReadOnlyList<string> values)
    {
        var ints = new int[values.Count];
        for (int i = 0; i < ints.Length; i++)
        {
            string text = values[i];
            if (!int.TryParse(text, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out ints[i])
                || ints[i].ToString(System.Globalization.CultureInfo.InvariantCulture) != text)
            {
                return null;
            }
        }

        return ints;
    }

    /// <summary>Codec 3: the ints of a canonical-integer side channel as one entropy-coded block.</summary>
    public static byte[] EncodeIntegerText(int[] values) => Coding.EntropyCoder.Encode(values, Coding.ModelKind.Best);

    // Ints back to the side-channel payload of their texts, which must come out exactly rawLength bytes.
    private static byte[] DecodeIntegerText(ReadOnlySpan<byte> stored, long rawLength, string file, string field)
    {
        int[] values;
        try
        {
            // Every value takes at least 2 raw bytes (length prefix and one digit).
            values = Coding.EntropyCoder.Decode(stored, (int)Math.Min(rawLength / 2, int.MaxValue));
        }
        catch (Coding.EntropyBlockException e)
        {
            throw ArchiveThrow.Format(file, field, $"integer-text payload cannot be decoded: {e.Message}", inner: e);
        }

        // The ints' canonical texts in the usual side-channel payload, which must match the framing exactly.
        byte[] raw = SideChannelCodec.Encode(new Sieve.Core.Tables.SideChannel(field,
            [.. values.Select(v => v.ToString(System.Globalization.CultureInfo.InvariantCulture))]));
        if (raw.LongLength != rawLength)
        {
            throw ArchiveThrow.Format(file, field, $"integer-text payload decodes to {raw.LongLength} bytes but the framing declares {rawLength}");
        }

        return raw;
    }

    // Range-coded int32 columns back to their raw little-endian bytes; never more symbols than declared.
    private static byte[] DecodeEntropy(ReadOnlySpan<byte> stored, long rawLength, string file, string field)
    {
        if (rawLength % 4 != 0)
        {
            throw ArchiveThrow.Format(file, field, $"entropy-coded block declares {rawLength} raw bytes", "a multiple of 4 (int32 values)");
        }

        Coding.SymbolMatrix matrix;
        try
        {
            // Version 4 tables start with their own magic byte; version 3 column tables with theirs.
            matrix = Coding.TableCoder.IsTable(stored)
                ? Coding.TableCoder.Decode(stored, (int)(rawLength / 4))
                : Coding.EntropyCoder.DecodeColumns(stored, (int)(rawLength / 4));
        }
        catch (Coding.EntropyBlockException e)
        {
            throw ArchiveThrow.Format(file, field, $"entropy-coded payload cannot be decoded: {e.Message}", inner: e);
        }

        if ((long)matrix.Symbols.Length * 4 != rawLength)
        {
            throw ArchiveThrow.Format(file, field, $"entropy-coded payload decodes to {matrix.Symbols.Length} values but the framing declares {rawLength / 4}");
        }

        byte[] raw = new byte[rawLength];
        for (int i = 0; i < matrix.Symbols.Length; i++)
        {
            System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(raw.AsSpan(i * 4), matrix.Symbols[i]);
        }

        return raw;
    }

    private static byte[] DecompressZstd(byte[] stored, int rawLength, string file, string field)
    {
        try
        {
            using var input = new MemoryStream(stored, writable: false);
            using var zstd = new DecompressionStream(input);
            using var output = new MemoryStream((int)Math.Min(rawLength, (stored.LongLength * 4) + 1024));
            byte[] chunk = new byte[81920];
            int read;
            while ((read = zstd.Read(chunk, 0, chunk.Length)) > 0)
            {
                if (output.Length + read > rawLength)
                {
                    throw ArchiveThrow.Format(file, field, $"zstd payload decompresses to more than the declared raw length {rawLength}");
                }

                output.Write(chunk, 0, read);
            }

            if (output.Length != rawLength)
            {
                throw ArchiveThrow.Format(file, field,
                    $"zstd payload decompresses to {output.Length} bytes but the framing declares {rawLength}");
            }

            return output.ToArray();
        }
        catch (Exception e) when (e is ZstdException or InvalidDataException or IOException)
        {
            throw ArchiveThrow.Format(file, field, $"zstd payload cannot be decompressed: {e.Message}", inner: e);
        }
    }
}
