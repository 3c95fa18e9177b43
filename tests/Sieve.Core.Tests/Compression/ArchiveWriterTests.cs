using System.Text.Json.Nodes;
using Sieve.Compression.Archive;
using Sieve.Core.Tables;

namespace Sieve.Core.Tests.Compression;

public class ArchiveWriterTests
{
    /// <summary>
    /// The tiny archive, byte for byte (format version 1), checked by hand against
    /// docs/archive-format.md ("Worked example"). Its side channel is stored raw (zstd would not
    /// shrink 6 bytes), so no zstd output is pinned. Change it only with a new format version.
    /// </summary>
    private const string GoldenHex =
        "895349560D0A1A0A" + // magic
        "01000000" + // version 1, flags 0
        "DA010000" + // header length 474
        "7B22666F726D61745F76657273696F6E223A312C22746F6F6C223A22736965766520302E312E30222C22736368656D61" + // header JSON
        "223A7B22696E7075745F666F726D6174223A22637376222C22636F6C756D6E5F6F72646572223A5B226964222C227074" +
        "222C22657461225D2C22666561747572655F6E616D6573223A5B227074222C22657461225D2C22736964655F6368616E" +
        "6E656C5F6E616D6573223A5B226964225D2C22726F775F636F756E74223A322C22656E657267795F756E6974223A2247" +
        "6556222C2273796E746865746963223A747275652C22666F726D61745F6F7074696F6E73223A7B22636F6D6D656E7422" +
        "3A2223222C2264656C696D69746572223A222C227D7D2C226D6F64656C223A7B226E616D65223A2264656E73652D6165" +
        "222C22736861323536223A22303132333435363738396162636465663031323334353637383961626364656630313233" +
        "34353637383961626364656630313233343536373839616263646566222C22696E7075745F73697A65223A322C226C61" +
        "74656E745F73697A65223A327D2C226E6F726D616C69736572223A7B226B696E64223A226E6F6E65227D2C226C617465" +
        "6E74223A7B226474797065223A22666C6F61743332222C22726F7773223A322C2264696D73223A327D7D" +
        "02000000" + // block count 2
        "010010000000000000001000000000000000" + // block 0: kind 1 latents, codec 0 raw, stored 16, raw 16
        "0000803F000000C00000003F00000000" + // latents 1, -2, 0.5, 0 (float32 LE)
        "020006000000000000000600000000000000" + // block 1: kind 2 side channel 'id', codec 0 raw, stored 6, raw 6
        "013703782C79" + // "7" (len 1), "x,y" (len 3)
        "F1F02A893927B45FB6DDA9A9E0DC69A089B3C0F9D66E97A0485D430198B97407" + // SHA-256 of all bytes above
        "5349455645454E44"; // end marker "SIEVEEND"

    [Fact]
    public void Tiny_archive_matches_the_golden_bytes()
    {
        byte[] bytes = ArchiveWriter.ToBytes(ArchiveSamples.Tiny());

        Assert.Equal(GoldenHex, Convert.ToHexString(bytes));
    }

    [Fact]
    public void Golden_bytes_read_back_to_the_tiny_content()
    {
        ArchiveContent read = ArchiveReader.FromBytes(Convert.FromHexString(GoldenHex), "golden.sieve");

        ArchiveAssert.Equal(ArchiveSamples.Tiny(), read);
    }

    [Fact]
    public void Two_writes_give_identical_bytes()
    {
        byte[] first = ArchiveWriter.ToBytes(ArchiveSamples.Random(21, 1000, 6, 3));
        byte[] second = ArchiveWriter.ToBytes(ArchiveSamples.Random(21, 1000, 6, 3));

        Assert.Equal(first, second);
    }

    [Fact]
    public void Format_option_insertion_order_does_not_change_the_bytes()
    {
        ArchiveContent content = ArchiveSamples.Tiny();
        var reversed = new Dictionary<string, string> { ["comment"] = "#", ["delimiter"] = "," };
        var forward = new Dictionary<string, string> { ["delimiter"] = ",", ["comment"] = "#" };
        ArchiveContent a = content with { Header = content.Header with { Schema = content.Header.Schema with { FormatOptions = reversed } } };
        ArchiveContent b = content with { Header = content.Header with { Schema = content.Header.Schema with { FormatOptions = forward } } };

        Assert.Equal(ArchiveWriter.ToBytes(a), ArchiveWriter.ToBytes(b));
    }

    [Fact]
    public void Repetitive_side_channels_are_zstd_compressed()
    {
        const int rows = 5000;
        var header = ArchiveSamples.Header(rows, 1, ["process"]);
        var content = new ArchiveContent(header, new float[rows],
            [new SideChannel("process", [.. Enumerable.Range(0, rows).Select(i => i % 3 == 0 ? "ttbar" : "wjets")])]);

        byte[] bytes = ArchiveWriter.ToBytes(content);
        ArchiveAccounting accounting = ArchiveInspector.InspectBytes(bytes, "z.sieve");

        ArchiveBlockAccount channel = accounting.Blocks[1];
        Assert.Equal(ArchiveCodec.Zstd, channel.Codec);
        Assert.True(channel.StoredBytes * 20 < channel.RawBytes, $"stored {channel.StoredBytes} of raw {channel.RawBytes}");
        ArchiveAssert.Equal(content, ArchiveReader.FromBytes(bytes, "z.sieve"));
    }

    [Theory]
    [InlineData(float.NaN)]
    [InlineData(float.PositiveInfinity)]
    [InlineData(float.NegativeInfinity)]
    public void Non_finite_latents_are_refused(float bad)
    {
        ArchiveContent content = ArchiveSamples.Tiny();
        float[] latents = [.. content.Latents];
        latents[3] = bad;

        var e = Assert.Throws<ArgumentException>(() => ArchiveWriter.ToBytes(content with { Latents = latents }));
        Assert.Contains("row 1, dim 1", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Latents_of_the_wrong_length_are_refused()
    {
        var e = Assert.Throws<ArgumentException>(() => ArchiveWriter.ToBytes(ArchiveSamples.Tiny() with { Latents = [1f, 2f, 3f] }));
        Assert.Contains("rows 2 x dims 2", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Side_channels_with_the_wrong_row_count_are_refused()
    {
        ArchiveContent content = ArchiveSamples.Tiny() with { SideChannels = [new SideChannel("id", ["only one"])] };

        var e = Assert.Throws<ArgumentException>(() => ArchiveWriter.ToBytes(content));
        Assert.Contains("'id' has 1 rows; expected 2", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Side_channels_out_of_header_order_are_refused()
    {
        ArchiveContent content = ArchiveSamples.Tiny() with { SideChannels = [new SideChannel("event", ["1", "2"])] };

        var e = Assert.Throws<ArgumentException>(() => ArchiveWriter.ToBytes(content));
        Assert.Contains("side_channel_names[0] is 'id'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Inconsistent_headers_are_refused()
    {
        ArchiveContent content = ArchiveSamples.Tiny();
        ArchiveHeader header = content.Header;

        Assert.Contains("header.latent.dims", Refused(content with { Header = header with { Model = header.Model with { LatentSize = 3 } } }), StringComparison.Ordinal);
        Assert.Contains("header.latent.rows", Refused(content with { Header = header with { Schema = header.Schema with { RowCount = 3 } } }), StringComparison.Ordinal);
        Assert.Contains("header.model.sha256", Refused(content with { Header = header with { Model = header.Model with { Sha256 = "ABC" } } }), StringComparison.Ordinal);
        Assert.Contains("header.format_version", Refused(content with { Header = header with { FormatVersion = 2 } }), StringComparison.Ordinal);
    }

    [Fact]
    public void A_lone_surrogate_is_refused_rather_than_silently_replaced()
    {
        ArchiveContent content = ArchiveSamples.Tiny() with { SideChannels = [new SideChannel("id", ["ok", "bad \ud800"])] };

        var e = Assert.Throws<ArgumentException>(() => ArchiveWriter.ToBytes(content));
        Assert.Contains("'id' row 1", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_replaces_an_existing_file_and_leaves_no_temporary_files()
    {
        string folder = Directory.CreateTempSubdirectory("sieve-archive-").FullName;
        try
        {
            string path = Path.Combine(folder, "out.sieve");
            File.WriteAllText(path, "old contents");

            ArchiveWriter.Write(path, ArchiveSamples.Tiny());

            Assert.Equal(ArchiveWriter.ToBytes(ArchiveSamples.Tiny()), File.ReadAllBytes(path));
            Assert.Equal(["out.sieve"], Directory.GetFiles(folder).Select(Path.GetFileName));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void A_refused_write_leaves_the_existing_file_alone()
    {
        string folder = Directory.CreateTempSubdirectory("sieve-archive-").FullName;
        try
        {
            string path = Path.Combine(folder, "out.sieve");
            File.WriteAllText(path, "old contents");

            Assert.Throws<ArgumentException>(() => ArchiveWriter.Write(path, ArchiveSamples.Tiny() with { Latents = [] }));

            Assert.Equal("old contents", File.ReadAllText(path));
            Assert.Single(Directory.GetFiles(folder));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void The_normaliser_is_stored_verbatim()
    {
        ArchiveContent content = ArchiveSamples.Tiny();
        var normaliser = JsonNode.Parse("""{"kind":"minmax","min":[0,-5.5],"max":[1e3,5.5],"nested":{"a":[true,null]}}""");
        ArchiveContent withNormaliser = content with { Header = content.Header with { Normaliser = normaliser } };

        ArchiveContent read = ArchiveReader.FromBytes(ArchiveWriter.ToBytes(withNormaliser), "n.sieve");

        Assert.Equal(normaliser!.ToJsonString(), read.Header.Normaliser!.ToJsonString());
    }

    private static string Refused(ArchiveContent content) =>
        Assert.Throws<ArgumentException>(() => ArchiveWriter.ToBytes(content)).Message;
}
