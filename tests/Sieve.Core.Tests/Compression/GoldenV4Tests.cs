using System.Buffers.Binary;
using Sieve.Compression.Archive;
using Sieve.Compression.Coding;
using Sieve.Core.Tables;

namespace Sieve.Core.Tests.Compression;

/// <summary>
/// Version 4: int32 latents in a <see cref="TableCoder"/> table (first payload byte 0xEE), the
/// header's latent.quantisation, and side channels of canonical integers as codec 3 (an entropy
/// block of the ints). The golden bytes were checked field by field against docs/archive-format.md.
/// </summary>
public class GoldenV4Tests
{
    private const string Name = "v4.sieve";

    public static ArchiveContent TinyInt()
    {
        ArchiveContent v3 = GoldenV2V3Tests.TinyInt();
        return v3 with { Header = v3.Header with { FormatVersion = 4 } };
    }

    // Two trellis-quantised columns (a slow sine and a fast one) of 24 rows.
    public static ArchiveContent TinyTrellis()
    {
        int[] a = TrellisQuantizer.Quantize([.. Enumerable.Range(0, 24).Select(i => 20 * Math.Sin(i / 4.0))]);
        int[] b = TrellisQuantizer.Quantize([.. Enumerable.Range(0, 24).Select(i => 7 * Math.Sin(i * 1.3))]);
        ArchiveContent v4 = TinyInt();
        return v4 with
        {
            Header = v4.Header with { Latent = v4.Header.Latent with { Quantisation = LatentQuantisation.Trellis } },
            Latents = [.. Enumerable.Range(0, 48).Select(i => (float)(i % 2 == 0 ? a[i / 2] : b[i / 2]))],
        };
    }

    [Fact]
    public void Version_4_matches_the_golden_bytes_and_its_fields()
    {
        byte[] bytes = ArchiveWriter.ToBytes(TinyInt());
        string hex = Convert.ToHexString(bytes);

        Assert.Equal(4, BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(8)));
        (int latentCodec, byte latentMagic, int sideCodec, byte sideMagic) = Blocks(bytes);
        Assert.Equal((int)ArchiveCodec.Entropy, latentCodec);
        Assert.Equal(0xEE, latentMagic);
        Assert.Equal((int)ArchiveCodec.IntegerText, sideCodec);
        Assert.Equal(0xEC, sideMagic);
        Assert.Contains("\"quantisation\":\"uniform\"", System.Text.Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
        Assert.Equal(Golden, hex);
    }

    [Fact]
    public void Version_4_archives_read_back_exactly()
    {
        ArchiveAssert.Equal(TinyInt(), ArchiveReader.FromBytes(Convert.FromHexString(Golden), Name));
        ArchiveContent trellis = TinyTrellis();
        ArchiveContent read = ArchiveReader.FromBytes(ArchiveWriter.ToBytes(trellis), Name);
        ArchiveAssert.Equal(trellis, read);
        Assert.Equal(LatentQuantisation.Trellis, read.Header.Latent.Quantisation);
    }

    [Fact]
    public void The_inspector_accounts_for_every_byte_of_the_latent_table_by_column()
    {
        ArchiveAccounting accounting = ArchiveInspector.InspectBytes(ArchiveWriter.ToBytes(TinyTrellis()), Name);

        IReadOnlyList<LatentColumnAccount> columns = accounting.LatentColumns!;
        Assert.Equal(["eta", "pt"], columns.Select(c => c.Name).Order());
        Assert.Equal(accounting.LatentBytes, columns.Sum(c => c.Bytes) + accounting.LatentTableOverheadBytes);
        Assert.Equal(accounting.FileBytes, accounting.TotalBytes);
        Assert.Null(ArchiveInspector.InspectBytes(ArchiveWriter.ToBytes(GoldenV2V3Tests.TinyInt()), Name).LatentColumns);
    }

    // Float32 latents with corrections: version 4, a corrections block between latents and side channels.
    public static ArchiveContent TinyCorrected()
    {
        ArchiveContent v1 = ArchiveSamples.Tiny();
        var quantiser = new System.Text.Json.Nodes.JsonObject { ["kind"] = "none" };
        return v1 with
        {
            Header = v1.Header with { FormatVersion = 4, Corrections = new CorrectionEncoding(quantiser, LatentQuantisation.Uniform, 2, 2, "max_error: pt=1%,eta=0.01") },
            Corrections = [3, -1, 0, 7],
        };
    }

    [Fact]
    public void Corrections_round_trip_and_sit_between_latents_and_side_channels()
    {
        ArchiveContent content = TinyCorrected();
        byte[] bytes = ArchiveWriter.ToBytes(content);

        ArchiveContent read = ArchiveReader.FromBytes(bytes, Name);
        Assert.Equal([3, -1, 0, 7], read.Corrections!);
        Assert.Equal("max_error: pt=1%,eta=0.01", read.Header.Corrections!.Target);
        ArchiveAccounting accounting = ArchiveInspector.InspectBytes(bytes, Name);
        Assert.Equal([ArchiveBlockKind.Latents, ArchiveBlockKind.Corrections, ArchiveBlockKind.SideChannel], accounting.Blocks.Select(b => b.Kind));
        Assert.Equal(bytes.Length, accounting.TotalBytes);
    }

    [Fact]
    public void Corrections_are_refused_before_version_4_and_when_their_shape_is_wrong()
    {
        ArchiveContent content = TinyCorrected();

        Assert.Contains("corrections", Assert.Throws<ArgumentException>(() => ArchiveWriter.ToBytes(content with { Header = content.Header with { FormatVersion = 1 } })).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => ArchiveWriter.ToBytes(content with { Corrections = [1, 2, 3] }));
        Assert.Throws<ArgumentException>(() => ArchiveWriter.ToBytes(content with { Corrections = null }));
        Assert.Throws<ArgumentException>(() => ArchiveWriter.ToBytes(content with { Header = content.Header with { Corrections = content.Header.Corrections! with { Dims = 3 } } }));
    }

    [Fact]
    public void Embedded_model_files_round_trip_and_damage_is_named()
    {
        ArchiveContent tiny = ArchiveSamples.Tiny();
        EmbeddedFile[] files = [new("model.json", "{\"a\":1}"u8.ToArray()), new("weights.bin", [.. Enumerable.Range(0, 300).Select(i => (byte)(i * 7))])];
        ArchiveContent content = tiny with { Header = tiny.Header with { FormatVersion = 4, ModelEmbedded = true }, EmbeddedModel = files };

        byte[] bytes = ArchiveWriter.ToBytes(content);
        ArchiveContent read = ArchiveReader.FromBytes(bytes, Name);

        Assert.True(read.Header.ModelEmbedded);
        Assert.Equal(files.Select(f => (f.Name, Convert.ToHexString(f.Bytes))), read.EmbeddedModel!.Select(f => (f.Name, Convert.ToHexString(f.Bytes))));
        Assert.Equal([ArchiveBlockKind.Latents, ArchiveBlockKind.Model, ArchiveBlockKind.SideChannel], ArchiveInspector.InspectBytes(bytes, Name).Blocks.Select(b => b.Kind));
        Assert.Throws<ArgumentException>(() => ArchiveWriter.ToBytes(content with { EmbeddedModel = null }));
        Assert.Throws<ArgumentException>(() => ArchiveWriter.ToBytes(content with { EmbeddedModel = [new("../weights.bin", [1])] }));
        Assert.Throws<ArgumentException>(() => ArchiveWriter.ToBytes(content with { Header = content.Header with { FormatVersion = 1 } }));
    }

    [Fact]
    public void Latent_steps_round_trip_and_are_checked()
    {
        ArchiveContent v4 = TinyInt();
        ArchiveContent scaled = v4 with { Header = v4.Header with { Latent = v4.Header.Latent with { Steps = [0.25, 1e-3] } } };

        Assert.Equal([0.25, 1e-3], ArchiveReader.FromBytes(ArchiveWriter.ToBytes(scaled), Name).Header.Latent.Steps!);
        Assert.Throws<ArgumentException>(() => ArchiveWriter.ToBytes(scaled with { Header = scaled.Header with { Latent = scaled.Header.Latent with { Steps = [0.25] } } }));
        Assert.Throws<ArgumentException>(() => ArchiveWriter.ToBytes(scaled with { Header = scaled.Header with { Latent = scaled.Header.Latent with { Steps = [0.25, -1] } } }));
        Assert.Throws<ArgumentException>(() => ArchiveWriter.ToBytes(scaled with { Header = scaled.Header with { FormatVersion = 3 } }));
    }

    [Fact]
    public void A_corrections_block_with_another_codec_is_refused()
    {
        byte[] bytes = ArchiveWriter.ToBytes(TinyCorrected());
        int headerLength = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(12));
        int block0 = 16 + headerLength + 4;
        int block1 = block0 + 18 + (int)BinaryPrimitives.ReadInt64LittleEndian(bytes.AsSpan(block0 + 2));
        Assert.Equal((byte)ArchiveBlockKind.Corrections, bytes[block1]);
        bytes[block1 + 1] = (byte)ArchiveCodec.Zstd;

        var e = Assert.Throws<ArchiveFormatException>(() => ArchiveReader.FromBytes(ArchiveSamples.Reseal(bytes), Name));
        Assert.Contains("corrections", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Trellis_latents_off_the_trellis_are_refused_by_the_writer()
    {
        ArchiveContent trellis = TinyTrellis();
        float[] latents = (float[])trellis.Latents.Clone();
        latents[10] += 1;

        var e = Assert.Throws<ArgumentException>(() => ArchiveWriter.ToBytes(trellis with { Latents = latents }));
        Assert.Contains("trellis", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_trellis_header_needs_version_4()
    {
        ArchiveContent trellis = TinyTrellis();

        var e = Assert.Throws<ArgumentException>(() => ArchiveWriter.ToBytes(trellis with { Header = trellis.Header with { FormatVersion = 3 } }));
        Assert.Contains("quantisation", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "random" }, true)]
    [InlineData(new[] { "007", "1", "2", "3", "4", "5" }, false)]
    [InlineData(new[] { "+1", "1", "2", "3", "4", "5" }, false)]
    [InlineData(new[] { "-0", "1", "2", "3", "4", "5" }, false)]
    [InlineData(new[] { " 5", "1", "2", "3", "4", "5" }, false)]
    [InlineData(new[] { "2147483648", "1", "2", "3", "4", "5" }, false)]
    public void Only_canonical_integer_side_channels_are_coded_as_numbers_and_all_round_trip(string[] pattern, bool asNumbers)
    {
        ArchiveContent tiny = TinyInt();
        var rng = new Random(4);
        string[] values = pattern[0] == "random"
            ? [.. Enumerable.Range(0, 24).Select(i => (i switch { 0 => int.MinValue, 1 => int.MaxValue, 2 => 0, _ => rng.Next(int.MinValue, int.MaxValue) }).ToString(System.Globalization.CultureInfo.InvariantCulture))]
            : [.. Enumerable.Range(0, 24).Select(i => pattern[i % pattern.Length])];
        ArchiveContent content = tiny with { SideChannels = [new SideChannel("id", values)] };

        byte[] bytes = ArchiveWriter.ToBytes(content);

        Assert.Equal(values, ArchiveReader.FromBytes(bytes, Name).SideChannels[0].Values);
        Assert.Equal(asNumbers, Blocks(bytes).SideCodec == (int)ArchiveCodec.IntegerText);
    }

    [Fact]
    public void Integer_text_is_refused_in_a_version_3_archive()
    {
        byte[] bytes = ArchiveWriter.ToBytes(GoldenV2V3Tests.TinyInt());
        bytes[SideCodecOffset(bytes)] = (byte)ArchiveCodec.IntegerText;

        var e = Assert.Throws<ArchiveFormatException>(() => ArchiveReader.FromBytes(ArchiveSamples.Reseal(bytes), Name));
        Assert.Contains("codec 3 only for side channels of version 4", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_damaged_integer_text_block_is_reported_not_decoded()
    {
        byte[] bytes = ArchiveWriter.ToBytes(TinyInt());
        int offset = SideCodecOffset(bytes);
        int payload = offset + 17;
        for (int i = payload; i < bytes.Length - 40; i++)
        {
            byte[] damaged = (byte[])bytes.Clone();
            damaged[i] ^= 0x20;
            Assert.Throws<ArchiveFormatException>(() => ArchiveReader.FromBytes(ArchiveSamples.Reseal(damaged), Name));
        }
    }

    private static int SideCodecOffset(byte[] bytes)
    {
        int headerLength = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(12));
        int block0 = 16 + headerLength + 4;
        long stored0 = BinaryPrimitives.ReadInt64LittleEndian(bytes.AsSpan(block0 + 2));
        return block0 + 18 + (int)stored0 + 1;
    }

    private static (int LatentCodec, byte LatentMagic, int SideCodec, byte SideMagic) Blocks(byte[] bytes)
    {
        int headerLength = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(12));
        int block0 = 16 + headerLength + 4;
        int side = SideCodecOffset(bytes);
        return (bytes[block0 + 1], bytes[block0 + 18], bytes[side], bytes[side + 17]);
    }

    private const string Golden = "895349560D0A1A0A04000000F30100007B22666F726D61745F76657273696F6E223A342C22746F6F6C223A22736965766520302E312E30222C22736368656D61223A7B22696E7075745F666F726D6174223A22637376222C22636F6C756D6E5F6F72646572223A5B226964222C227074222C22657461225D2C22666561747572655F6E616D6573223A5B227074222C22657461225D2C22736964655F6368616E6E656C5F6E616D6573223A5B226964225D2C22726F775F636F756E74223A32342C22656E657267795F756E6974223A22476556222C2273796E746865746963223A747275652C22666F726D61745F6F7074696F6E73223A7B22636F6D6D656E74223A2223222C2264656C696D69746572223A222C227D7D2C226D6F64656C223A7B226E616D65223A2264656E73652D6165222C22736861323536223A2230313233343536373839616263646566303132333435363738396162636465663031323334353637383961626364656630313233343536373839616263646566222C22696E7075745F73697A65223A322C226C6174656E745F73697A65223A327D2C226E6F726D616C69736572223A7B226B696E64223A226E6F6E65227D2C226C6174656E74223A7B226474797065223A22696E743332222C22726F7773223A32342C2264696D73223A322C227175616E7469736174696F6E223A22756E69666F726D227D7D0200000001023B00000000000000C000000000000000EE0102180000010015EC010318010300541B473DAB39BA2AE400CF4203030100FFFF030012EC0103180103004FC4CDE8A53B42A1BD35DD41CAF80302031E000000000000003E00000000000000EC0104180018052600007BDF4C624CED8A5CEE967C2180EE149897260456B8E1B039E1EC0EFE6E2A2A98203F6FDCB3BD056168BC8BBFF5EE2888E98E79305349455645454E44";
}
