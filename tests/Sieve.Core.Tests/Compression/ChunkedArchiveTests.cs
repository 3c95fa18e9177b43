using System.Buffers.Binary;
using System.Security.Cryptography;
using Sieve.Compression.Archive;
using Sieve.Compression.Coding;
using Sieve.Core.Tables;

namespace Sieve.Core.Tests.Compression;

/// <summary>
/// Version 5: chunks of rows, each verified by its own SHA-256, and a footer (header with the
/// totals, chunk index) verified by the trailer's. The golden bytes were checked field by field
/// against docs/archive-format.md ("Version 5").
/// </summary>
public sealed class ChunkedArchiveTests : IDisposable
{
    private const string Name = "v5.sieve";
    private readonly string _folder = Directory.CreateTempSubdirectory("sieve-v5-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    // The v4 golden table (24 rows of 2 int32 columns, an integer side channel) as a version 5 header.
    private static ArchiveContent TinyInt()
    {
        ArchiveContent v4 = GoldenV4Tests.TinyInt();
        return v4 with { Header = v4.Header with { FormatVersion = 5 } };
    }

    private byte[] Chunked(ArchiveContent content, int rowsPerChunk, int threads = 1)
    {
        string path = Path.Combine(_folder, $"{Guid.NewGuid():N}.sieve");
        ChunkedArchiveWriter.WriteChunked(path, content, rowsPerChunk, threads);
        return File.ReadAllBytes(path);
    }

    [Fact]
    public void Chunks_read_back_exactly_one_by_one_and_together()
    {
        ArchiveContent content = TinyInt();
        byte[] bytes = Chunked(content, rowsPerChunk: 10);

        ArchiveAssert.Equal(content, ArchiveReader.FromBytes(bytes, Name));
        using ChunkedArchive archive = ChunkedArchive.FromBytes(bytes, Name);
        Assert.Equal([10, 10, 4], archive.Chunks.Select(c => c.Rows));
        Assert.Equal([0L, 10, 20], archive.Chunks.Select(c => c.FirstRow));
        ArchiveContent last = archive.ReadChunk(2);
        Assert.Equal(content.Latents[40..], last.Latents);
        Assert.Equal(content.SideChannels[0].Values.Skip(20), last.SideChannels[0].Values);
        Assert.Equal(4, last.Header.Schema.RowCount);
    }

    [Fact]
    public void The_bytes_do_not_depend_on_the_number_of_threads()
    {
        ArchiveContent content = ArchiveSamples.Random(seed: 3, rows: 500, dims: 3, sideChannels: 2);
        content = content with { Header = content.Header with { FormatVersion = 5 } };

        Assert.Equal(Chunked(content, 64, threads: 1), Chunked(content, 64, threads: 4));
    }

    [Fact]
    public void Version_5_matches_the_golden_bytes_and_its_fields()
    {
        byte[] bytes = Chunked(TinyInt(), rowsPerChunk: 16);
        Assert.Equal(5, BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(8)));

        // Trailer: footer offset, SHA-256 of [footer, L - 40), end marker.
        long footer = (long)BinaryPrimitives.ReadUInt64LittleEndian(bytes.AsSpan(bytes.Length - 48));
        Assert.Equal(SHA256.HashData(bytes.AsSpan((int)footer, bytes.Length - 40 - (int)footer)), bytes.AsSpan(bytes.Length - 40, 32).ToArray());
        Assert.Equal("SIEVEEND"u8.ToArray(), bytes[^8..]);

        // Footer: header, no shared block, two index entries that tile [12, footer).
        int at = (int)footer;
        int headerLength = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(at));
        Assert.Contains("\"row_count\":24", System.Text.Encoding.UTF8.GetString(bytes, at + 4, headerLength), StringComparison.Ordinal);
        at += 4 + headerLength;
        Assert.Equal(0, BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(at)));
        Assert.Equal(2, BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(at + 4)));
        long offset0 = BinaryPrimitives.ReadInt64LittleEndian(bytes.AsSpan(at + 8)), length0 = BinaryPrimitives.ReadInt64LittleEndian(bytes.AsSpan(at + 16));
        long offset1 = BinaryPrimitives.ReadInt64LittleEndian(bytes.AsSpan(at + 8 + 56)), length1 = BinaryPrimitives.ReadInt64LittleEndian(bytes.AsSpan(at + 16 + 56));
        Assert.Equal((12L, 16L, 8L), (offset0, BinaryPrimitives.ReadInt64LittleEndian(bytes.AsSpan(at + 24)), BinaryPrimitives.ReadInt64LittleEndian(bytes.AsSpan(at + 24 + 56))));
        Assert.Equal(offset0 + length0, offset1);
        Assert.Equal(footer, offset1 + length1);
        Assert.Equal(SHA256.HashData(bytes.AsSpan(12, (int)length0)), bytes.AsSpan(at + 32, 32).ToArray());

        // A chunk: block count, then the latents (a table, 0xEE) and the side channel, framed as in version 4.
        Assert.Equal(2, BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(12)));
        Assert.Equal((byte)ArchiveBlockKind.Latents, bytes[16]);
        Assert.Equal(Golden, Convert.ToHexString(bytes));
    }

    [Fact]
    public void Every_flipped_byte_is_detected()
    {
        byte[] bytes = Chunked(TinyInt(), rowsPerChunk: 16);
        ArchiveContent content = TinyInt();
        for (int i = 0; i < bytes.Length; i++)
        {
            for (int bit = 0; bit < 8; bit += 3)
            {
                byte[] damaged = (byte[])bytes.Clone();
                damaged[i] ^= (byte)(1 << bit);
                Exception? e = Record.Exception(() => ArchiveReader.FromBytes(damaged, Name));
                Assert.True(e is ArchiveFormatException, $"byte {i} bit {bit}: {e?.GetType().Name ?? "read without error"}");
                Assert.Contains(Name, e!.Message, StringComparison.Ordinal);
            }
        }

        ArchiveAssert.Equal(content, ArchiveReader.FromBytes(bytes, Name));
    }

    [Fact]
    public void Every_truncation_is_detected()
    {
        byte[] bytes = Chunked(TinyInt(), rowsPerChunk: 16);
        for (int length = 0; length < bytes.Length; length++)
        {
            Assert.ThrowsAny<ArchiveFormatException>(() => ArchiveReader.FromBytes(bytes[..length], Name));
        }
    }

    [Fact]
    public void The_inspector_accounts_for_every_byte_and_sums_columns_over_chunks()
    {
        ArchiveContent content = TinyInt();
        byte[] bytes = Chunked(content, rowsPerChunk: 7);
        ArchiveAccounting accounting = ArchiveInspector.InspectBytes(bytes, Name);

        Assert.Equal(bytes.Length, accounting.TotalBytes);
        Assert.Equal(4, accounting.Chunks);
        Assert.Equal(ChecksumStatus.Valid, accounting.Checksum);
        Assert.Equal(accounting.LatentBytes, accounting.LatentColumns!.Sum(c => c.Bytes) + accounting.LatentTableOverheadBytes);
        Assert.Equal(24 * 2 * 4, accounting.Blocks.Single(b => b.Kind == ArchiveBlockKind.Latents).RawBytes);
    }

    [Fact]
    public void Concatenated_shards_read_as_the_whole_and_equal_a_single_write()
    {
        ArchiveContent content = TinyInt();
        string a = Path.Combine(_folder, "a.sieve"), b = Path.Combine(_folder, "b.sieve"), joined = Path.Combine(_folder, "ab.sieve");
        ChunkedArchiveWriter.WriteChunked(a, Rows(content, 0, 16), 16);
        ChunkedArchiveWriter.WriteChunked(b, Rows(content, 16, 8), 16);

        Assert.Equal(24, ArchiveConcat.Concat([a, b], joined));

        ArchiveAssert.Equal(content, ArchiveReader.Read(joined));
        Assert.Equal(Chunked(content, 16), File.ReadAllBytes(joined));
    }

    [Fact]
    public void Shards_of_different_compressions_do_not_concatenate_and_nothing_is_written()
    {
        ArchiveContent content = TinyInt();
        string a = Path.Combine(_folder, "a.sieve"), b = Path.Combine(_folder, "b.sieve"), joined = Path.Combine(_folder, "ab.sieve");
        ChunkedArchiveWriter.WriteChunked(a, content, 16);
        ChunkedArchiveWriter.WriteChunked(b, content with { Header = content.Header with { Model = content.Header.Model with { Sha256 = new string('1', 64) } } }, 16);

        var e = Assert.Throws<ArgumentException>(() => ArchiveConcat.Concat([a, b], joined));
        Assert.Contains("quantiser or model", e.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(joined));
        Assert.Empty(Directory.GetFiles(_folder, "*.tmp"));
    }

    [Fact]
    public void A_damaged_chunk_stops_concatenation_and_nothing_is_written()
    {
        ArchiveContent content = TinyInt();
        string a = Path.Combine(_folder, "a.sieve"), joined = Path.Combine(_folder, "aa.sieve");
        ChunkedArchiveWriter.WriteChunked(a, content, 16);
        byte[] bytes = File.ReadAllBytes(a);
        bytes[40] ^= 1;
        File.WriteAllBytes(a, bytes);

        var e = Assert.Throws<ArchiveCorruptException>(() => ArchiveConcat.Concat([a, a], joined));
        Assert.Contains("chunk 0", e.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(joined));
    }

    [Fact]
    public void An_unfinished_writer_leaves_no_file()
    {
        string path = Path.Combine(_folder, "unfinished.sieve");
        using (ChunkedArchiveWriter writer = ChunkedArchiveWriter.Create(path))
        {
            ArchiveContent content = TinyInt();
            writer.Append(ChunkedArchiveWriter.Encode(Rows(content, 0, 10)));
        }

        Assert.Empty(Directory.GetFiles(_folder));
    }

    [Fact]
    public void A_footer_whose_rows_are_not_the_chunks_sum_is_refused_by_the_writer()
    {
        string path = Path.Combine(_folder, "short.sieve");
        ArchiveContent content = TinyInt();
        using ChunkedArchiveWriter writer = ChunkedArchiveWriter.Create(path);
        writer.Append(ChunkedArchiveWriter.Encode(Rows(content, 0, 10)));

        Assert.Throws<ArgumentException>(() => writer.Complete(content.Header));
    }

    [Fact]
    public void Trellis_chunks_each_start_from_the_first_trellis_state()
    {
        // Each chunk is its own trellis: quantised chunk by chunk, as the streaming compressor does.
        double[] values = [.. Enumerable.Range(0, 30).Select(i => 20 * Math.Sin(i / 4.0))];
        float[] latents = [.. TrellisQuantizer.Quantize(values[..16]).Concat(TrellisQuantizer.Quantize(values[16..])).Select(x => (float)x)];
        ArchiveHeader header = ArchiveSamples.Header(30, 1, []) with
        {
            FormatVersion = 5,
            Latent = new LatentEncoding(LatentDType.Int32, 30, 1) { Quantisation = LatentQuantisation.Trellis },
        };
        var content = new ArchiveContent(header, latents, []);

        ArchiveAssert.Equal(content, ArchiveReader.FromBytes(Chunked(content, 16), Name));
        Assert.Throws<ArgumentException>(() => Chunked(content, 10));
    }

    // Rows [from, from + count) of a content, as a content of their own.
    private static ArchiveContent Rows(ArchiveContent content, int from, int count)
    {
        int dims = content.Header.Latent.Dims;
        return new ArchiveContent(ChunkedArchiveWriter.ChunkHeader(content.Header, count), content.Latents[(from * dims)..((from + count) * dims)],
            [.. content.SideChannels.Select(s => new SideChannel(s.Name, [.. s.Values.Skip(from).Take(count)]))]);
    }

    // Two chunks (16 and 8 rows) of TinyInt, as ChunkedArchiveWriter wrote them when the format was fixed.
    private const string Golden =
        "895349560D0A1A0A0500000002000000010235000000000000008000000000000000EE0102100000010013EC010310010300541B473D9D35D04D078E" +
        "7D830013EC01031001030057BFF6F0B0E6A2D0249A253020504FA9020319000000000000002600000000000000EC0104100010042100012333333333" +
        "33322110000029EBC46602000000010231000000000000004000000000000000EE0102080000010011EC010308010300AD21EEB3550367F36D450011" +
        "EC010308010300541B4585C3770E849E565D1FD214020314000000000000001800000000000000EC0104082008031900053908448000000DECA929F3" +
        "0100007B22666F726D61745F76657273696F6E223A352C22746F6F6C223A22736965766520302E312E30222C22736368656D61223A7B22696E707574" +
        "5F666F726D6174223A22637376222C22636F6C756D6E5F6F72646572223A5B226964222C227074222C22657461225D2C22666561747572655F6E616D" +
        "6573223A5B227074222C22657461225D2C22736964655F6368616E6E656C5F6E616D6573223A5B226964225D2C22726F775F636F756E74223A32342C" +
        "22656E657267795F756E6974223A22476556222C2273796E746865746963223A747275652C22666F726D61745F6F7074696F6E73223A7B22636F6D6D" +
        "656E74223A2223222C2264656C696D69746572223A222C227D7D2C226D6F64656C223A7B226E616D65223A2264656E73652D6165222C227368613235" +
        "36223A223031323334353637383961626364656630313233343536373839616263646566303132333435363738396162636465663031323334353637" +
        "3839616263646566222C22696E7075745F73697A65223A322C226C6174656E745F73697A65223A327D2C226E6F726D616C69736572223A7B226B696E" +
        "64223A226E6F6E65227D2C226C6174656E74223A7B226474797065223A22696E743332222C22726F7773223A32342C2264696D73223A322C22717561" +
        "6E7469736174696F6E223A22756E69666F726D227D7D00000000020000000C0000000000000076000000000000001000000000000000D8217315878F" +
        "B3D2286739FFD3D8311C99411B713F5E1EECD243A24D2E1C411882000000000000006D000000000000000800000000000000847232A14A4EEB772B5D" +
        "CBCB77530031294D8B12A80499E1AF83626D35D5D211EF000000000000004BBCC665CEC79EC4684C4CCA7C1519BA137C85AF683AB9AD4A04F55A38E5" +
        "A70D5349455645454E44";
}
