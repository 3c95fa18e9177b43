using Sieve.Compression.Archive;

namespace Sieve.Core.Tests.Compression;

public class ArchiveInspectorTests
{
    [Theory]
    [InlineData(1, 0, 1, 0)]
    [InlineData(2, 2, 2, 1)]
    [InlineData(3, 400, 5, 3)]
    public void Accounting_sums_to_the_file_length(int seed, int rows, int dims, int channels)
    {
        ArchiveContent content = ArchiveSamples.Random(seed, rows, dims, channels);
        byte[] bytes = ArchiveWriter.ToBytes(content);

        ArchiveAccounting accounting = ArchiveInspector.InspectBytes(bytes, "a.sieve");

        Assert.Equal(bytes.LongLength, accounting.FileBytes);
        Assert.Equal(accounting.FileBytes, accounting.TotalBytes);
        Assert.Equal(ChecksumStatus.Valid, accounting.Checksum);
        Assert.Equal(12, accounting.PreambleBytes);
        Assert.Equal(40, accounting.TrailerBytes);
        Assert.Equal(8 + (18 * (channels + 1)), accounting.FramingBytes);
        Assert.Equal((long)rows * dims * 4, accounting.LatentBytes);
        Assert.Equal(["latents", .. content.Header.Schema.SideChannelNames], accounting.Blocks.Select(b => b.Name));
    }

    [Fact]
    public void Inspect_reads_a_file()
    {
        string folder = Directory.CreateTempSubdirectory("sieve-archive-").FullName;
        try
        {
            string path = Path.Combine(folder, "a.sieve");
            ArchiveWriter.Write(path, ArchiveSamples.Tiny());

            ArchiveAccounting accounting = ArchiveInspector.Inspect(path);

            Assert.Equal(new FileInfo(path).Length, accounting.TotalBytes);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void A_damaged_payload_is_accounted_with_a_checksum_mismatch()
    {
        byte[] bytes = ArchiveWriter.ToBytes(ArchiveSamples.Tiny());
        bytes[^45] ^= 0xFF; // inside the side channel payload, just before the trailer

        ArchiveAccounting accounting = ArchiveInspector.InspectBytes(bytes, "a.sieve");

        Assert.Equal(ChecksumStatus.Mismatch, accounting.Checksum);
        Assert.Equal(bytes.LongLength, accounting.TotalBytes);
    }

    [Fact]
    public void A_damaged_structure_is_a_checksum_failure()
    {
        byte[] bytes = ArchiveWriter.ToBytes(ArchiveSamples.Tiny());
        bytes[13] ^= 0x40; // header length

        var e = Assert.Throws<ArchiveCorruptException>(() => ArchiveInspector.InspectBytes(bytes, "a.sieve"));
        Assert.Contains("checksum", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_truncated_file_cannot_be_inspected()
    {
        byte[] bytes = ArchiveWriter.ToBytes(ArchiveSamples.Tiny());

        var e = Assert.Throws<ArchiveCorruptException>(() => ArchiveInspector.InspectBytes(bytes[..^1], "a.sieve"));
        Assert.Contains("truncated", e.Message, StringComparison.Ordinal);
    }
}
