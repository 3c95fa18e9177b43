using System.Buffers.Binary;
using System.Text;
using Sieve.Compression.Archive;

namespace Sieve.Core.Tests.Compression;

public class ArchiveReaderTests
{
    private const string Name = "sample.sieve";

    [Theory]
    [InlineData(1, 0, 1, 0)]
    [InlineData(2, 1, 1, 1)]
    [InlineData(3, 17, 3, 2)]
    [InlineData(4, 500, 8, 3)]
    [InlineData(5, 2000, 16, 4)]
    public void Round_trip_restores_latents_side_channels_and_header(int seed, int rows, int dims, int channels)
    {
        ArchiveContent content = ArchiveSamples.Random(seed, rows, dims, channels);
        byte[] bytes = ArchiveWriter.ToBytes(content);

        ArchiveContent read = ArchiveReader.FromBytes(bytes, Name);

        ArchiveAssert.Equal(content, read);
        Assert.Equal(bytes, ArchiveWriter.ToBytes(read));
    }

    [Fact]
    public void Round_trip_through_a_file()
    {
        string folder = Directory.CreateTempSubdirectory("sieve-archive-").FullName;
        try
        {
            string path = Path.Combine(folder, "events.sieve");
            ArchiveContent content = ArchiveSamples.Random(11, 300, 4, 2);
            ArchiveWriter.Write(path, content);

            ArchiveAssert.Equal(content, ArchiveReader.Read(path));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Round_trip_keeps_every_awkward_string_exactly()
    {
        string[] values = ["", ",", "a,b,c", "\"", "\r\n", "Ünïcødé 日本語 🧪", "\u0000", new string('x', 200_000), " lead", "trail "];
        var header = ArchiveSamples.Header(values.Length, 1, ["text"]);
        var content = new ArchiveContent(header, new float[values.Length], [new Sieve.Core.Tables.SideChannel("text", values)]);

        ArchiveContent read = ArchiveReader.FromBytes(ArchiveWriter.ToBytes(content), Name);

        Assert.Equal(values, read.SideChannels[0].Values);
    }

    [Fact]
    public void Flipping_any_byte_is_reported_as_a_checksum_failure()
    {
        byte[] bytes = ArchiveWriter.ToBytes(ArchiveSamples.Tiny());
        for (int i = 0; i < bytes.Length; i++)
        {
            byte[] damaged = (byte[])bytes.Clone();
            damaged[i] ^= (byte)(1 << (i % 8));

            var e = Assert.Throws<ArchiveCorruptException>(() => ArchiveReader.FromBytes(damaged, Name));
            Assert.Contains("checksum", e.Message, StringComparison.Ordinal);
            Assert.Contains(Name, e.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Every_truncation_is_reported_as_truncated()
    {
        byte[] bytes = ArchiveWriter.ToBytes(ArchiveSamples.Tiny());
        for (int length = 0; length < bytes.Length; length++)
        {
            byte[] truncated = bytes[..length];

            var e = Assert.Throws<ArchiveCorruptException>(() => ArchiveReader.FromBytes(truncated, Name));
            Assert.Contains("truncated", e.Message, StringComparison.Ordinal);
            Assert.Contains("checksum", e.Message, StringComparison.Ordinal);
            Assert.Contains(Name, e.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Appended_bytes_are_refused()
    {
        byte[] bytes = [.. ArchiveWriter.ToBytes(ArchiveSamples.Tiny()), 0x0A];

        var e = Assert.Throws<ArchiveCorruptException>(() => ArchiveReader.FromBytes(bytes, Name));
        Assert.Contains("checksum", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_text_file_is_not_mistaken_for_an_archive()
    {
        byte[] csv = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("id,pt,eta\n1,20.5,0.1\n", 10)));

        var e = Assert.Throws<ArchiveCorruptException>(() => ArchiveReader.FromBytes(csv, "events.csv"));
        Assert.Contains("may not be a .sieve archive", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_mode_line_ending_conversion_is_diagnosed()
    {
        byte[] bytes = ArchiveWriter.ToBytes(ArchiveSamples.Tiny());
        byte[] mangled = [.. bytes[..4], 0x0A, .. bytes[6..]]; // CR LF -> LF in the magic

        var e = Assert.Throws<ArchiveCorruptException>(() => ArchiveReader.FromBytes(mangled, Name));
        Assert.Contains("text mode", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_future_version_is_refused_with_the_supported_versions()
    {
        byte[] bytes = ArchiveWriter.ToBytes(ArchiveSamples.Tiny());
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(8), 6);

        var e = Assert.Throws<ArchiveFormatException>(() => ArchiveReader.FromBytes(ArchiveSamples.Reseal(bytes), Name));
        Assert.Contains("is 6", e.Message, StringComparison.Ordinal);
        Assert.Contains("reads version 1, 2, 3, 4, 5", e.Message, StringComparison.Ordinal);
        Assert.Contains("newer sieve", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("header length", 12, 0x7FFF_FFF0L, 4, "header")]
    [InlineData("header length too small", 12, 10L, 4, "header")]
    [InlineData("flags", 10, 1L, 2, "flags")]
    [InlineData("block count", -1, 9L, 4, "block count")]
    [InlineData("latent stored length", -2, 0x7FFF_FFFF_FFFF_FFFFL, 8, "latents")]
    [InlineData("latent raw length", -3, 12L, 8, "latents")]
    [InlineData("side channel stored length", -4, 1L << 40, 8, "side channel 'id'")]
    [InlineData("side channel raw length", -5, 1L << 40, 8, "side channel 'id'")]
    [InlineData("side channel raw length short", -5, 3L, 8, "side channel")]
    public void A_lying_length_with_a_valid_checksum_is_refused_cleanly(string what, int offset, long value, int width, string named)
    {
        byte[] bytes = ArchiveWriter.ToBytes(ArchiveSamples.Tiny());
        int at = offset >= 0 ? offset : FieldOffset(bytes, offset);
        Span<byte> field = bytes.AsSpan(at, width);
        switch (width)
        {
            case 2: BinaryPrimitives.WriteUInt16LittleEndian(field, (ushort)value); break;
            case 4: BinaryPrimitives.WriteUInt32LittleEndian(field, (uint)value); break;
            default: BinaryPrimitives.WriteUInt64LittleEndian(field, (ulong)value); break;
        }

        var e = Assert.Throws<ArchiveFormatException>(() => ArchiveReader.FromBytes(ArchiveSamples.Reseal(bytes), Name));
        Assert.IsNotType<ArchiveCorruptException>(e);
        Assert.Contains(named, e.Message, StringComparison.Ordinal);
        Assert.Contains(Name, e.Message, StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(what));
    }

    [Theory]
    [InlineData(-1, "more than the declared raw length")]
    [InlineData(1, "but the framing declares")]
    [InlineData(1L << 30, "but the framing declares")]
    [InlineData(1L << 40, "larger than this reader can hold")]
    public void A_zstd_block_with_a_lying_raw_length_is_refused(long delta, string message)
    {
        const int rows = 3000;
        var content = new ArchiveContent(ArchiveSamples.Header(rows, 1, ["process"]), new float[rows],
            [new Sieve.Core.Tables.SideChannel("process", [.. Enumerable.Range(0, rows).Select(i => i % 2 == 0 ? "ttbar" : "qcd")])]);
        byte[] bytes = ArchiveWriter.ToBytes(content);
        int rawAt = FieldOffset(bytes, -5);
        Assert.Equal((byte)ArchiveCodec.Zstd, bytes[rawAt - 9]);
        long raw = (long)BinaryPrimitives.ReadUInt64LittleEndian(bytes.AsSpan(rawAt));
        BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(rawAt), (ulong)(raw + delta));

        var e = Assert.Throws<ArchiveFormatException>(() => ArchiveReader.FromBytes(ArchiveSamples.Reseal(bytes), Name));
        Assert.Contains("side channel 'process'", e.Message, StringComparison.Ordinal);
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Random_garbage_with_a_valid_checksum_never_escapes_as_another_exception()
    {
        byte[] original = ArchiveWriter.ToBytes(ArchiveSamples.Random(3, 20, 3, 2));
        var rng = new Random(99);
        for (int trial = 0; trial < 3000; trial++)
        {
            byte[] bytes = (byte[])original.Clone();
            int edits = rng.Next(1, 4);
            for (int k = 0; k < edits; k++)
            {
                bytes[rng.Next(bytes.Length - 40)] = (byte)rng.Next(256);
            }

            try
            {
                ArchiveReader.FromBytes(ArchiveSamples.Reseal(bytes), Name);
            }
            catch (ArchiveFormatException)
            {
                // refused cleanly, as it should be; an edit that changes nothing readable is fine too
            }
        }
    }

    [Theory]
    [InlineData("\"row_count\":2", "\"row_count\":9", "header.latent.rows")]
    [InlineData("\"synthetic\":true", "\"synthetic\":1234", "header.schema.synthetic")]
    [InlineData("\"dtype\":\"float32\"", "\"dtype\":\"float64\"", "header.latent.dtype")]
    [InlineData("\"format_version\":1", "\"format_version\":3", "header.format_version")]
    [InlineData("\"tool\":", "\"tooX\":", "header.tool")]
    [InlineData("{\"format_version\"", "[\"format_version\"", "header")]
    public void A_malformed_header_with_a_valid_checksum_names_the_member(string find, string replace, string named)
    {
        Assert.Equal(find.Length, replace.Length);
        byte[] bytes = ArchiveWriter.ToBytes(ArchiveSamples.Tiny());
        string json = Encoding.UTF8.GetString(bytes, 16, (int)BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(12)));
        string broken = json.Replace(find, replace, StringComparison.Ordinal);
        Assert.NotEqual(json, broken);
        Encoding.UTF8.GetBytes(broken).CopyTo(bytes, 16);

        var e = Assert.Throws<ArchiveFormatException>(() => ArchiveReader.FromBytes(ArchiveSamples.Reseal(bytes), Name));
        Assert.IsNotType<ArchiveCorruptException>(e);
        Assert.Contains(named, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_file_is_a_file_not_found_error()
    {
        Assert.Throws<FileNotFoundException>(() => ArchiveReader.Read(Path.Combine(Path.GetTempPath(), $"{Guid.NewGuid():N}.sieve")));
    }

    /// <summary>Offsets of the framing fields of an archive with one side channel: -1 block count, -2/-3 latent stored/raw, -4/-5 side channel stored/raw.</summary>
    private static int FieldOffset(byte[] bytes, int which)
    {
        int blockCount = 16 + (int)BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(12));
        int latentFrame = blockCount + 4;
        int sideFrame = latentFrame + 18 + (int)BinaryPrimitives.ReadUInt64LittleEndian(bytes.AsSpan(latentFrame + 2));
        return which switch
        {
            -1 => blockCount,
            -2 => latentFrame + 2,
            -3 => latentFrame + 10,
            -4 => sideFrame + 2,
            _ => sideFrame + 10,
        };
    }
}
