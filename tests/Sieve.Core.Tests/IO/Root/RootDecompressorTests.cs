using System.Buffers.Binary;
using System.IO.Compression;
using System.IO.Hashing;
using K4os.Compression.LZ4;
using Sieve.IO.Root;
using Sieve.IO.Root.Internal;
using ZstdSharp;

namespace Sieve.Core.Tests.IO.Root;

/// <summary>
/// ROOT's compressed blocks built here with the same libraries in the compressing direction (no
/// data files needed): a 9-byte header ("ZL"/"L4"/"ZS", method, 3-byte little-endian compressed
/// and uncompressed sizes), the LZ4 block's big-endian xxhash64 first.
/// </summary>
public sealed class RootDecompressorTests
{
    private static readonly byte[] Payload = Enumerable.Range(0, 5000).Select(i => (byte)(i * 7 % 251)).ToArray();

    [Theory]
    [InlineData("ZL")]
    [InlineData("L4")]
    [InlineData("ZS")]
    public void OneBlockOfEachAlgorithmDecodes(string tag)
    {
        byte[] record = Block(tag, Payload);
        Assert.Equal(Payload, RootDecompressor.Decompress(record, Payload.Length, "f.root", "test"));
    }

    [Fact]
    public void SeveralBlocksOfMixedAlgorithmsJoin()
    {
        byte[] record = [.. Block("ZL", Payload[..2000]), .. Block("L4", Payload[2000..4500]), .. Block("ZS", Payload[4500..])];
        Assert.Equal(Payload, RootDecompressor.Decompress(record, Payload.Length, "f.root", "test"));
        Assert.Equal(RootCompressionAlgorithm.Zlib, RootDecompressor.AlgorithmOf(record));
    }

    [Fact]
    public void Lz4ChecksumMismatchIsNamed()
    {
        byte[] record = Block("L4", Payload);
        record[9] ^= 1; // first byte of the checksum
        var error = Assert.Throws<RootFormatException>(() => RootDecompressor.Decompress(record, Payload.Length, "f.root", "basket 3"));
        Assert.Contains("checksum", error.Message, StringComparison.Ordinal);
        Assert.Contains("basket 3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SizesThatDoNotAddUpAreRejectedBeforeDecoding()
    {
        byte[] record = Block("ZL", Payload);
        var longer = Assert.Throws<RootFormatException>(() => RootDecompressor.Decompress(record, Payload.Length + 1, "f.root", "k"));
        Assert.Contains("truncated or corrupt", longer.Message, StringComparison.Ordinal);
        var shorter = Assert.Throws<RootFormatException>(() => RootDecompressor.Decompress(record, Payload.Length - 1, "f.root", "k"));
        Assert.Contains("add up to", shorter.Message, StringComparison.Ordinal);
        var cut = Assert.Throws<RootFormatException>(() => RootDecompressor.Decompress(record[..^10], Payload.Length, "f.root", "k"));
        Assert.Contains("bytes are left", cut.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownOrOldAlgorithmsAreNamed()
    {
        byte[] record = Block("ZL", Payload);
        record[0] = (byte)'C';
        record[1] = (byte)'S';
        var error = Assert.Throws<RootFormatException>(() => RootDecompressor.Decompress(record, Payload.Length, "f.root", "k"));
        Assert.Contains("'CS'", error.Message, StringComparison.Ordinal);
        Assert.Contains("not supported", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CorruptPayloadsBecomeDataErrors()
    {
        var random = new Random(7);
        foreach (string tag in new[] { "ZL", "ZS" })
        {
            for (int i = 0; i < 200; i++)
            {
                byte[] record = Block(tag, Payload);
                record[9 + random.Next(record.Length - 9)] ^= (byte)(1 << random.Next(8));
                try
                {
                    // Some flips land in bytes the decoder does not check (e.g. zlib's Adler-32 is
                    // verified, but a flip may still decode to other bytes of the right length).
                    RootDecompressor.Decompress(record, Payload.Length, "f.root", "k");
                }
                catch (RootFormatException)
                {
                }
            }
        }
    }

    [Theory]
    [InlineData(0, RootCompressionAlgorithm.None, "none")]
    [InlineData(101, RootCompressionAlgorithm.Zlib, "zlib level 1")]
    [InlineData(4, RootCompressionAlgorithm.Zlib, "zlib level 4")]
    [InlineData(207, RootCompressionAlgorithm.Lzma, "lzma level 7")]
    [InlineData(404, RootCompressionAlgorithm.Lz4, "lz4 level 4")]
    [InlineData(505, RootCompressionAlgorithm.Zstd, "zstd level 5")]
    public void CompressionSettingsAreNamed(int setting, RootCompressionAlgorithm algorithm, string text)
    {
        var compression = new RootCompression(setting);
        Assert.Equal(algorithm, compression.Algorithm);
        Assert.Equal(text, compression.ToString());
    }

    internal static byte[] Block(string tag, byte[] data)
    {
        byte[] body = tag switch
        {
            "ZL" => Zlib(data),
            "L4" => Lz4(data),
            _ => new Compressor(3).Wrap(data).ToArray(),
        };
        var block = new byte[9 + body.Length];
        block[0] = (byte)tag[0];
        block[1] = (byte)tag[1];
        block[2] = tag == "ZL" ? (byte)8 : (byte)1;
        Size(block.AsSpan(3, 3), body.Length);
        Size(block.AsSpan(6, 3), data.Length);
        body.CopyTo(block, 9);
        return block;
    }

    private static byte[] Zlib(byte[] data)
    {
        using var output = new MemoryStream();
        using (var zlib = new ZLibStream(output, CompressionLevel.Optimal, leaveOpen: true))
        {
            zlib.Write(data);
        }

        return output.ToArray();
    }

    private static byte[] Lz4(byte[] data)
    {
        var target = new byte[LZ4Codec.MaximumOutputSize(data.Length)];
        int length = LZ4Codec.Encode(data, target);
        var body = new byte[8 + length];
        target.AsSpan(0, length).CopyTo(body.AsSpan(8));
        BinaryPrimitives.WriteUInt64BigEndian(body, XxHash64.HashToUInt64(body.AsSpan(8)));
        return body;
    }

    private static void Size(Span<byte> target, int value)
    {
        target[0] = (byte)value;
        target[1] = (byte)(value >> 8);
        target[2] = (byte)(value >> 16);
    }
}
