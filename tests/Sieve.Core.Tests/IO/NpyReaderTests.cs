using Sieve.Core.Errors;
using Sieve.IO.Arrays;
using Sieve.IO.Numpy;

namespace Sieve.Core.Tests.IO;

/// <summary>Reads the numpy-written fixtures; expected values are the formulas in make_fixtures.py.</summary>
public sealed class NpyReaderTests
{
    private static double[] Expected2D() => Enumerable.Range(0, 12).Select(i => (0.5 * i) - 1).ToArray();

    [Fact]
    public void ReadsFloat64InCOrder()
    {
        DenseArray array = NpyReader.Read(FixtureFiles.Path("f8_c.npy"));
        Assert.Equal([3, 4], array.Shape);
        Assert.Equal(ArrayElementType.Float64, array.ElementType);
        Assert.Equal(Expected2D(), array.Values);
        Assert.Equal(-1.0, array.Values[0]);
        Assert.Equal(4.5, array.Values[11]);
    }

    [Fact]
    public void ReadsFortranOrderIntoCOrder()
    {
        DenseArray array = NpyReader.Read(FixtureFiles.Path("f8_fortran.npy"));
        Assert.True(NpyReader.ReadHeader(FixtureFiles.Path("f8_fortran.npy")).FortranOrder);
        Assert.Equal([3, 4], array.Shape);
        Assert.Equal(Expected2D(), array.Values);
    }

    [Fact]
    public void ReadsFloat32ThreeDimensionalFortran()
    {
        DenseArray array = NpyReader.Read(FixtureFiles.Path("f4_fortran_3d.npy"));
        Assert.Equal([2, 3, 4], array.Shape);
        Assert.Equal(ArrayElementType.Float32, array.ElementType);
        Assert.Equal(Enumerable.Range(0, 24).Select(i => i / 4.0).ToArray(), array.Values);
    }

    [Fact]
    public void ReadsBigEndianFloats()
    {
        Assert.Equal([1.5, -2.25, 1e300], NpyReader.Read(FixtureFiles.Path("f8_be.npy")).Values);
        DenseArray f4 = NpyReader.Read(FixtureFiles.Path("f4_be.npy"));
        Assert.Equal([2, 2], f4.Shape);
        Assert.Equal([(double)0.1f, -3.0, 65504.0, (double)1e-20f], f4.Values);
    }

    [Fact]
    public void ReadsIntegers()
    {
        DenseArray i4 = NpyReader.Read(FixtureFiles.Path("i4.npy"));
        Assert.Equal(ArrayElementType.Int32, i4.ElementType);
        Assert.Equal([-7.0, 0, 3, 2147483647, -2147483648, 42], i4.Values);
        Assert.Equal([-1099511627776.0, 0, 1099511627777.0], NpyReader.Read(FixtureFiles.Path("i8.npy")).Values);
    }

    [Theory]
    [InlineData("v2.npy", 2, new[] { 2, 3 })]
    [InlineData("v3.npy", 3, new[] { 3, 2 })]
    public void ReadsHeaderVersionsTwoAndThree(string name, int version, int[] shape)
    {
        Assert.Equal(version, NpyReader.ReadHeader(FixtureFiles.Path(name)).MajorVersion);
        DenseArray array = NpyReader.Read(FixtureFiles.Path(name));
        Assert.Equal(shape, array.Shape);
        Assert.Equal(Enumerable.Range(0, 6).Select(i => (double)i).ToArray(), array.Values);
    }

    [Theory]
    [InlineData("c16.npy", "<c16")]
    [InlineData("u10.npy", "<U10")]
    [InlineData("object.npy", "|O")]
    public void UnsupportedDtypeNamesItAndTheSupportedOnes(string name, string descr)
    {
        var e = Assert.Throws<NpyFormatException>(() => NpyReader.Read(FixtureFiles.Path(name)));
        Assert.Equal("descr", e.Field);
        Assert.Contains($"'{descr}'", e.Message, StringComparison.Ordinal);
        Assert.Contains("<f4, <f8, <i4, <i8", e.Message, StringComparison.Ordinal);
        Assert.Contains(name, e.File, StringComparison.Ordinal);
    }

    [Fact]
    public void TruncatedDataSaysHowMuchIsMissing()
    {
        using var folder = new TempFolder();
        byte[] bytes = File.ReadAllBytes(FixtureFiles.Path("f8_c.npy"));
        string path = folder.File("cut.npy");
        File.WriteAllBytes(path, bytes[..^5]);
        var e = Assert.Throws<NpyFormatException>(() => NpyReader.Read(path));
        Assert.Equal("data", e.Field);
        Assert.Contains("91 of 96 bytes", e.Message, StringComparison.Ordinal);
        Assert.Contains("(3, 4)", e.Message, StringComparison.Ordinal);

        // The same from a stream that cannot tell its length.
        using var stream = new NonSeekableStream(bytes[..^5]);
        Assert.Throws<NpyFormatException>(() => NpyReader.Read(stream, "stream"));
    }

    [Fact]
    public void TruncatedHeaderAndBadMagicAreDataErrors()
    {
        using var folder = new TempFolder();
        byte[] bytes = File.ReadAllBytes(FixtureFiles.Path("f8_c.npy"));
        string path = folder.File("bad.npy");
        File.WriteAllBytes(path, bytes[..40]);
        Assert.Equal("header", Assert.Throws<NpyFormatException>(() => NpyReader.Read(path)).Field);
        File.WriteAllBytes(path, "PK\u0003\u0004 not npy"u8.ToArray());
        Assert.Equal("magic", Assert.Throws<NpyFormatException>(() => NpyReader.Read(path)).Field);
        File.WriteAllBytes(path, []);
        Assert.Equal("magic", Assert.Throws<NpyFormatException>(() => NpyReader.Read(path)).Field);
    }

    [Fact]
    public void ReadsTwoDimensionalArrayAsTable()
    {
        var table = NpyReader.ReadTable(FixtureFiles.Path("f8_c.npy"));
        Assert.Equal(["f0", "f1", "f2", "f3"], table.FeatureNames);
        Assert.Equal(3, table.RowCount);
        Assert.Equal(1.5, table[1, 1]);
        var named = NpyReader.ReadTable(FixtureFiles.Path("f8_c.npy"), ["a", "b", "c", "d"]);
        Assert.Equal(["a", "b", "c", "d"], named.ColumnOrder);
    }

    [Fact]
    public void TableFromWrongRankOrNameCountIsAnError()
    {
        var e = Assert.Throws<NpyFormatException>(() => NpyReader.ReadTable(FixtureFiles.Path("f4_fortran_3d.npy")));
        Assert.Contains("(2, 3, 4)", e.Message, StringComparison.Ordinal);
        Assert.Contains("2-D", e.Message, StringComparison.Ordinal);
        Assert.Throws<NpyFormatException>(() => NpyReader.ReadTable(FixtureFiles.Path("f8_c.npy"), ["a"]));
        Assert.IsAssignableFrom<SieveDataException>(e);
    }

    /// <summary>A stream that hides its length, like a zip member.</summary>
    private sealed class NonSeekableStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;

        public override long Length => throw new NotSupportedException();
    }
}
