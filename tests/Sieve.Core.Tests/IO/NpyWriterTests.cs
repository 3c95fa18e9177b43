using System.Text;
using Sieve.Core.Tables;
using Sieve.IO.Arrays;
using Sieve.IO.Numpy;

namespace Sieve.Core.Tests.IO;

public sealed class NpyWriterTests
{
    [Theory]
    [InlineData(ArrayElementType.Float64)]
    [InlineData(ArrayElementType.Float32)]
    public void RoundTripsOneTwoAndThreeDimensions(ArrayElementType type)
    {
        using var folder = new TempFolder();
        foreach (int[] shape in new[] { new[] { 7 }, new[] { 4, 3 }, new[] { 5, 19, 3 } })
        {
            double[] values = Enumerable.Range(0, shape.Aggregate(1, (a, b) => a * b)).Select(i => (i * 0.25) - 3).ToArray();
            string path = folder.File($"a{shape.Length}.npy");
            NpyWriter.Write(path, new DenseArray(values, shape), type);
            DenseArray back = NpyReader.Read(path);
            Assert.Equal(shape, back.Shape);
            Assert.Equal(type, back.ElementType);
            Assert.Equal(values, back.Values);
        }
    }

    [Fact]
    public void Float32RoundsToNearestFloat()
    {
        using var folder = new TempFolder();
        string path = folder.File("x.npy");
        NpyWriter.Write(path, new DenseArray([0.1, 1e-50], [2]), ArrayElementType.Float32);
        Assert.Equal([(double)0.1f, 0.0], NpyReader.Read(path).Values);
    }

    [Fact]
    public void HeaderIsVersionOnePaddedTo64BytesAsNumpyWrites()
    {
        byte[] header = NpyWriter.Header(ArrayElementType.Float32, [5, 19, 3]);
        Assert.Equal(128, header.Length);
        Assert.Equal(new byte[] { 0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y', 1, 0, 118, 0 }, header[..10]);
        string dict = Encoding.ASCII.GetString(header, 10, 118);
        Assert.StartsWith("{'descr': '<f4', 'fortran_order': False, 'shape': (5, 19, 3), }", dict, StringComparison.Ordinal);
        Assert.EndsWith(" \n", dict, StringComparison.Ordinal);
        Assert.Contains("'shape': (7,),", Encoding.ASCII.GetString(NpyWriter.Header(ArrayElementType.Float64, [7])), StringComparison.Ordinal);
    }

    [Fact]
    public void HeaderMatchesNumpyFixtureByteForByte()
    {
        // f8_c.npy was written by numpy.save; Sieve's header for the same dtype and shape must match.
        byte[] numpy = File.ReadAllBytes(FixtureFiles.Path("f8_c.npy"));
        byte[] ours = NpyWriter.Header(ArrayElementType.Float64, [3, 4]);
        Assert.Equal(numpy[..ours.Length], ours);
    }

    [Fact]
    public void TableRoundTripsAndRefusesSideChannels()
    {
        using var folder = new TempFolder();
        var table = new FeatureTable(["pt", "eta"], [1, 2, 3, 4, 5, 6], 3, [], ["pt", "eta"]);
        string path = folder.File("t.npy");
        NpyWriter.WriteTable(path, table);
        var back = NpyReader.ReadTable(path, ["pt", "eta"]);
        Assert.Equal(table.Values, back.Values);
        var withIds = new FeatureTable(["pt"], [1, 2], 2, [new SideChannel("id", ["a", "b"])], ["id", "pt"]);
        Assert.Throws<ArgumentException>(() => NpyWriter.WriteTable(folder.File("u.npy"), withIds));
        Assert.Throws<ArgumentException>(() => NpyWriter.Write(folder.File("i.npy"), new DenseArray([1], [1], ArrayElementType.Int32)));
        Assert.Equal(["t.npy"], folder.Files());
    }
}
