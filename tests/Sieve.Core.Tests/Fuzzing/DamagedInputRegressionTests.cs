using System.Buffers.Binary;
using Sieve.Core.Errors;
using Sieve.Core.Tables;
using Sieve.Core.Tests.IO;
using Sieve.IO.Hdf5;
using Sieve.IO.Numpy;
using Sieve.IO.Parquet;

namespace Sieve.Core.Tests.Fuzzing;

/// <summary>
/// Damage the fuzz harness found escaping as a bare library exception (InvalidDataException,
/// System.Exception, IOException, OverflowException, ...), rebuilt from Sieve's own files so the
/// tests run without shared/data: each is now a format error naming the file.
/// </summary>
public sealed class DamagedInputRegressionTests
{
    private static FeatureTable Table() => ParquetTableWriterTests.Sample(200);

    private static FeatureTable Numbers()
    {
        FeatureTable t = Table();
        return new FeatureTable(t.FeatureNames, t.Values, t.RowCount, [], t.FeatureNames);
    }

    // .npz: a central directory whose entry count disagrees with the end record was read lazily,
    // on the first use of the entries, outside the reader's check.
    [Fact]
    public void An_npz_whose_central_directory_disagrees_with_its_end_record_is_a_format_error()
    {
        using var folder = new TempFolder();
        string path = folder.File("a.npz");
        NpzWriter.Write(path, [new("x", NpyReader.Read(WriteNpy(folder))), new("y", NpyReader.Read(WriteNpy(folder)))]);
        byte[] bytes = File.ReadAllBytes(path);
        int end = bytes.Length - 22; // the end-of-central-directory record, without a comment
        Assert.Equal(0x06054b50u, BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(end)));
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(end + 8), 3);
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(end + 10), 3);
        File.WriteAllBytes(path, bytes);
        var error = Assert.Throws<NpyFormatException>(() => NpzReader.ReadAll(path));
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    private static string WriteNpy(TempFolder folder)
    {
        string path = folder.File($"{Guid.NewGuid():N}.npy");
        NpyWriter.WriteTable(path, Numbers());
        return path;
    }

    // HDF5: PureHDF reports a file cut short as System.Exception ("The file is too small") and
    // other damage as OverflowException, NotSupportedException, ArgumentOutOfRangeException.
    [Fact]
    public void A_truncated_or_damaged_hdf5_file_is_a_format_error_wherever_it_is_cut()
    {
        using var folder = new TempFolder();
        string whole = folder.File("t.h5");
        Hdf5TableWriter.Write(whole, Table());
        byte[] bytes = File.ReadAllBytes(whole);
        AssertOnlyFormatErrors<Hdf5FormatException>(folder, ".h5", bytes, path => Hdf5TableReader.Read(path));
    }

    // A dataset shape far beyond the file sized an array of doubles before PureHDF found the data missing.
    [Fact]
    public void An_hdf5_shape_beyond_the_file_is_refused_before_it_sizes_an_allocation()
    {
        using var folder = new TempFolder();
        string path = folder.File("t.h5");
        Hdf5TableWriter.Write(path, Numbers());
        byte[] bytes = File.ReadAllBytes(path);
        byte[] dims = new byte[16];
        BinaryPrimitives.WriteUInt64LittleEndian(dims, 200);
        BinaryPrimitives.WriteUInt64LittleEndian(dims.AsSpan(8), 2);
        int at = bytes.AsSpan().IndexOf(dims);
        Assert.True(at > 0, "the dataspace of /features (200 x 2) was not found");
        BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(at), 1L << 26);
        File.WriteAllBytes(path, bytes);
        long before = GC.GetAllocatedBytesForCurrentThread();
        var error = Assert.Throws<Hdf5FormatException>(() => Hdf5TableReader.Read(path));
        Assert.Contains("more than a file of", error.Message, StringComparison.Ordinal);
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < (64 << 20), "the declared shape sized an allocation");
    }

    // Parquet: Parquet.Net reports damage deep in its decoders as IOException ("only N out of M bytes
    // are available"), InvalidOperationException or ArgumentException.
    [Fact]
    public void A_truncated_or_damaged_parquet_file_is_a_format_error_wherever_it_is_cut()
    {
        using var folder = new TempFolder();
        string whole = folder.File("t.parquet");
        ParquetTableWriter.Write(whole, Table());
        byte[] bytes = File.ReadAllBytes(whole);
        AssertOnlyFormatErrors<ParquetFormatException>(folder, ".parquet", bytes, path => ParquetTableReader.Read(path));
    }

    // Parquet.Net's Thrift reader ran past the end of a footer whose last byte (the stop field) was
    // damaged and never returned; the footer is now walked first, bounded by its length.
    [Fact]
    public async Task A_parquet_footer_damaged_in_its_last_byte_is_refused_not_read_forever()
    {
        using var folder = new TempFolder();
        string path = folder.File("t.parquet");
        ParquetTableWriter.Write(path, Table());
        byte[] bytes = File.ReadAllBytes(path);
        Assert.Equal(0, bytes[^9]);
        bytes[^9] = 4;
        File.WriteAllBytes(path, bytes);
        ParquetFormatException error = await Task.Run(() => Assert.Throws<ParquetFormatException>(() => ParquetTableReader.Read(path))).WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Contains("footer", error.Message, StringComparison.Ordinal);
    }

    // Every 37th cut, and seeded damage of every kind the harness makes.
    private static void AssertOnlyFormatErrors<T>(TempFolder folder, string extension, byte[] bytes, Action<string> read)
        where T : SieveDataException
    {
        var inputs = new List<byte[]>();
        for (int cut = 0; cut < bytes.Length; cut += 37)
        {
            inputs.Add(bytes[..cut]);
        }

        var random = new Random(11);
        for (int i = 0; i < 400; i++)
        {
            inputs.Add(Mutator.Mutate(bytes, random, out _));
        }

        int refused = 0;
        for (int i = 0; i < inputs.Count; i++)
        {
            string path = folder.File($"input-{i}{extension}");
            File.WriteAllBytes(path, inputs[i]);
            var task = Task.Run(() =>
            {
                try
                {
                    read(path);
                    return null;
                }
                catch (T e)
                {
                    return e;
                }
            });
            Assert.True(task.Wait(TimeSpan.FromSeconds(30)), $"input {i} did not finish");
            if (task.Result is { } e)
            {
                Assert.Contains(path, e.Message, StringComparison.Ordinal);
                refused++;
            }
        }

        Assert.True(refused > inputs.Count / 2, $"only {refused} of {inputs.Count} damaged inputs refused");
    }
}
