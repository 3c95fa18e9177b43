using System.Buffers.Binary;
using System.IO.Compression;
using System.IO.Hashing;
using K4os.Compression.LZ4;
using SharpCompress.Compressors.Xz;
using ZstdSharp;

namespace Sieve.IO.Root.Internal;

/// <summary>
/// Decodes ROOT's compressed records: a sequence of blocks, each with a 9-byte header (two-letter
/// algorithm tag, a method byte, then the compressed and uncompressed sizes as 3-byte
/// little-endian numbers) followed by the payload. The block headers are checked against the
/// record's sizes before anything is allocated, so a corrupt length cannot ask for gigabytes.
/// </summary>
internal static class RootDecompressor
{
    private const int HeaderSize = 9;

    /// <summary>Decodes <paramref name="source"/> into exactly <paramref name="uncompressedLength"/> bytes.</summary>
    public static byte[] Decompress(ReadOnlySpan<byte> source, int uncompressedLength, string file, string part)
    {
        CheckBlocks(source, uncompressedLength, file, part);
        var output = new byte[uncompressedLength];
        int read = 0;
        int written = 0;
        while (written < uncompressedLength)
        {
            ReadOnlySpan<byte> header = source.Slice(read, HeaderSize);
            int compressed = Size(header[3..6]);
            int uncompressed = Size(header[6..9]);
            ReadOnlySpan<byte> payload = source.Slice(read + HeaderSize, compressed);
            Span<byte> target = output.AsSpan(written, uncompressed);
            string tag = Tag(header);
            string where = $"{part}, block at byte {read}";
            try
            {
                int produced = tag switch
                {
                    "ZL" => FromStream(new ZLibStream(new MemoryStream(payload.ToArray()), CompressionMode.Decompress), target),
                    "XZ" => FromStream(new XZStream(new MemoryStream(payload.ToArray())), target),
                    "L4" => Lz4(payload, target, file, where),
                    "ZS" => Zstd(payload, target),
                    _ => throw new RootFormatException(file, where, $"the block uses algorithm '{tag}', which is not supported", "zlib (ZL), LZ4 (L4), LZMA (XZ) or ZSTD (ZS) blocks"),
                };
                if (produced != uncompressed)
                {
                    throw new RootFormatException(file, where, $"the {tag} block decoded to {produced} bytes; its header says {uncompressed}", "blocks that decode to their stated size");
                }
            }
            catch (Exception e) when (e is not RootFormatException and not OutOfMemoryException)
            {
                // The decoders are third-party code fed untrusted bytes; whatever they throw on a
                // corrupt block is reported as bad input.
                throw new RootFormatException(file, where, $"the {tag} block cannot be decoded: {e.Message}", "an intact compressed block", e);
            }

            read += HeaderSize + compressed;
            written += uncompressed;
        }

        return output;
    }

    /// <summary>Which algorithm the first block of a record uses (None for a record too short to hold one).</summary>
    public static RootCompressionAlgorithm AlgorithmOf(ReadOnlySpan<byte> source) => source.Length < HeaderSize ? RootCompressionAlgorithm.None : Tag(source) switch
    {
        "ZL" => RootCompressionAlgorithm.Zlib,
        "L4" => RootCompressionAlgorithm.Lz4,
        "XZ" => RootCompressionAlgorithm.Lzma,
        "ZS" => RootCompressionAlgorithm.Zstd,
        "CS" => RootCompressionAlgorithm.OldRoot,
        _ => RootCompressionAlgorithm.None,
    };

    private static void CheckBlocks(ReadOnlySpan<byte> source, int uncompressedLength, string file, string part)
    {
        int read = 0;
        long total = 0;
        while (total < uncompressedLength)
        {
            if (source.Length - read < HeaderSize)
            {
                throw new RootFormatException(file, part, $"the compressed record ends after {read} bytes with {total} of {uncompressedLength} bytes decoded (truncated or corrupt)", "compressed blocks that add up to the object's length");
            }

            ReadOnlySpan<byte> header = source.Slice(read, HeaderSize);
            int compressed = Size(header[3..6]);
            int uncompressed = Size(header[6..9]);
            if (compressed > source.Length - read - HeaderSize || uncompressed == 0)
            {
                throw new RootFormatException(file, $"{part}, block at byte {read}", $"the block header '{Tag(header)}' claims {compressed} compressed and {uncompressed} uncompressed bytes, but {source.Length - read - HeaderSize} bytes are left", "block sizes within the record");
            }

            read += HeaderSize + compressed;
            total += uncompressed;
        }

        if (total != uncompressedLength)
        {
            throw new RootFormatException(file, part, $"the compressed blocks add up to {total} bytes, but the key says {uncompressedLength}", "blocks that add up to the object's length");
        }
    }

    private static int Lz4(ReadOnlySpan<byte> payload, Span<byte> target, string file, string where)
    {
        // ROOT's LZ4 blocks start with the big-endian xxhash64 of the compressed bytes that follow.
        if (payload.Length < 8)
        {
            throw new RootFormatException(file, where, $"the LZ4 block has {payload.Length} bytes, fewer than its 8-byte checksum", "an LZ4 block with a checksum");
        }

        ulong expected = BinaryPrimitives.ReadUInt64BigEndian(payload[..8]);
        ulong actual = XxHash64.HashToUInt64(payload[8..]);
        if (expected != actual)
        {
            throw new RootFormatException(file, where, $"the LZ4 block's checksum is {actual:x16}, but the block says {expected:x16} (corrupt data)", "an intact LZ4 block");
        }

        int produced = LZ4Codec.Decode(payload[8..], target);
        if (produced < 0)
        {
            throw new RootFormatException(file, where, "the LZ4 block is malformed", "an intact LZ4 block");
        }

        return produced;
    }

    private static int Zstd(ReadOnlySpan<byte> payload, Span<byte> target)
    {
        using var decompressor = new Decompressor();
        return decompressor.Unwrap(payload, target);
    }

    private static int FromStream(Stream stream, Span<byte> target)
    {
        using (stream)
        {
            int total = 0;
            while (total < target.Length)
            {
                int n = stream.Read(target[total..]);
                if (n == 0)
                {
                    break;
                }

                total += n;
            }

            // Read one byte more: a block that decodes to more than it says is corrupt too.
            Span<byte> extra = stackalloc byte[1];
            return total == target.Length && stream.Read(extra) > 0 ? total + 1 : total;
        }
    }

    private static int Size(ReadOnlySpan<byte> bytes) => bytes[0] | (bytes[1] << 8) | (bytes[2] << 16);

    private static string Tag(ReadOnlySpan<byte> header) => new([(char)header[0], (char)header[1]]);
}
