using Sieve.Core.Errors;
using Sieve.Core.Tables;
using Sieve.IO.Arrays;
using Sieve.IO.Numpy;

namespace Sieve.Core.Tests.IO;

/// <summary>Reading a 2-D .npy array in chunks gives the whole read's rows, in order, chunk by chunk.</summary>
public sealed class NpyChunkReaderTests
{
    [Theory]
    [InlineData(1000, 7, 64)]
    [InlineData(1000, 7, 1000)]
    [InlineData(1000, 7, 5000)]
    [InlineData(17, 3, 1)]
    public void Chunks_join_up_to_the_whole_array(int rows, int columns, int rowsPerChunk)
    {
        using var folder = new TempFolder();
        string path = folder.File("a.npy");
        var rng = new Random(rows);
        double[] values = [.. Enumerable.Range(0, rows * columns).Select(_ => (double)(float)rng.NextDouble())];
        NpyWriter.Write(path, new DenseArray(values, [rows, columns], ArrayElementType.Float32));

        List<FeatureTable> chunks = [.. NpyReader.ReadTableChunks(path, rowsPerChunk)];
        Assert.Equal((rows + rowsPerChunk - 1) / rowsPerChunk, chunks.Count);
        Assert.All(chunks.SkipLast(1), c => Assert.Equal(rowsPerChunk, c.RowCount));
        Assert.Equal(NpyReader.ReadTable(path).Values, chunks.SelectMany(c => c.Values));
        Assert.All(chunks, c => Assert.Equal(Enumerable.Range(0, columns).Select(i => $"f{i}"), c.FeatureNames));
    }

    [Fact]
    public void A_truncated_file_is_refused_before_the_first_chunk()
    {
        using var folder = new TempFolder();
        string path = folder.File("t.npy");
        NpyWriter.Write(path, new DenseArray(new double[200 * 4], [200, 4], ArrayElementType.Float64));
        byte[] bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..^9]);
        var error = Assert.Throws<NpyFormatException>(() => NpyReader.ReadTableChunks(path, 10));
        Assert.Contains("data ends after", error.Message);
        Assert.IsAssignableFrom<SieveDataException>(error);
    }

    [Fact]
    public void Fortran_order_and_other_ranks_say_they_cannot_be_chunked()
    {
        Assert.False(NpyReader.CanReadInChunks(NpyReader.ReadHeader(FixtureFiles.Path("f8_fortran.npy"))));
        Assert.False(NpyReader.CanReadInChunks(NpyReader.ReadHeader(FixtureFiles.Path("f4_fortran_3d.npy"))));
        Assert.True(NpyReader.CanReadInChunks(NpyReader.ReadHeader(FixtureFiles.Path("f8_c.npy"))));
        Assert.Throws<NpyFormatException>(() => NpyReader.ReadTableChunks(FixtureFiles.Path("f8_fortran.npy"), 2));
    }

    [Fact]
    public void Progress_reaches_the_file_size()
    {
        using var folder = new TempFolder();
        string path = folder.File("p.npy");
        NpyWriter.Write(path, new DenseArray(new double[3000 * 2], [3000, 2], ArrayElementType.Float32));
        long last = 0;
        var progress = new SynchronousProgress(v => last = Math.Max(last, v));
        _ = NpyReader.ReadTableChunks(path, 100, bytesRead: progress).ToList();
        Assert.Equal(new FileInfo(path).Length, last);
    }

    private sealed class SynchronousProgress(Action<long> report) : IProgress<long>
    {
        public void Report(long value) => report(value);
    }
}
