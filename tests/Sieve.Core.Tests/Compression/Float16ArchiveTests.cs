using System.Buffers.Binary;
using System.Text;
using Sieve.Compression.Archive;

namespace Sieve.Core.Tests.Compression;

/// <summary>Archive format version 2: float16 latents.</summary>
public class Float16ArchiveTests
{
    private const string Name = "half.sieve";

    [Fact]
    public void Float16_latents_round_trip_as_halves_in_a_version_2_file()
    {
        ArchiveContent content = Half(ArchiveSamples.Random(3, rows: 50, dims: 3, sideChannels: 2));
        byte[] bytes = ArchiveWriter.ToBytes(content);

        Assert.Equal(2, BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(8)));
        string header = Encoding.UTF8.GetString(bytes, 16, (int)BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(12)));
        Assert.Contains("\"dtype\":\"float16\"", header.Replace(" ", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);

        ArchiveContent back = ArchiveReader.FromBytes(bytes, Name);
        Assert.Equal(LatentDType.Float16, back.Header.Latent.DType);
        Assert.Equal(content.Latents.Select(x => (float)(Half)x), back.Latents);
        Assert.Equal(content.SideChannels.Select(c => c.Values), back.SideChannels.Select(c => c.Values));

        // Half the latent bytes of the float32 archive of the same content.
        ArchiveAccounting half = ArchiveInspector.InspectBytes(bytes, Name);
        ArchiveAccounting full = ArchiveInspector.InspectBytes(ArchiveWriter.ToBytes(ArchiveSamples.Random(3, rows: 50, dims: 3, sideChannels: 2)), Name);
        Assert.Equal(full.LatentBytes / 2, half.LatentBytes);
        Assert.Equal(bytes.Length, half.TotalBytes);
    }

    [Fact]
    public void Float32_archives_stay_version_1()
    {
        byte[] bytes = ArchiveWriter.ToBytes(ArchiveSamples.Tiny());
        Assert.Equal(1, BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(8)));
    }

    [Fact]
    public void Every_flipped_byte_of_a_float16_archive_is_a_checksum_error()
    {
        byte[] good = ArchiveWriter.ToBytes(Half(ArchiveSamples.Random(5, rows: 4, dims: 2, sideChannels: 1)));
        for (int i = 0; i < good.Length; i++)
        {
            byte[] bad = (byte[])good.Clone();
            bad[i] ^= 0x10;
            var e = Assert.Throws<ArchiveCorruptException>(() => ArchiveReader.FromBytes(bad, Name));
            Assert.Contains("checksum", e.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Values_beyond_float16_range_and_wrong_versions_are_refused_at_write()
    {
        ArchiveContent content = Half(ArchiveSamples.Random(1, rows: 2, dims: 2, sideChannels: 0));
        float[] big = [.. content.Latents];
        big[1] = 70000f;
        Assert.Throws<ArgumentException>(() => ArchiveWriter.ToBytes(content with { Latents = big }));
        Assert.Throws<ArgumentException>(() => ArchiveWriter.ToBytes(content with { Header = content.Header with { FormatVersion = 1 } }));
    }

    private static ArchiveContent Half(ArchiveContent content)
    {
        float[] latents = [.. content.Latents.Select(x => Math.Clamp(x, -60000f, 60000f))];
        return content with
        {
            Latents = latents,
            Header = content.Header with { FormatVersion = 2, Latent = content.Header.Latent with { DType = LatentDType.Float16 } },
        };
    }
}
