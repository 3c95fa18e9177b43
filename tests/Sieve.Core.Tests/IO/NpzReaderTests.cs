using Sieve.IO.Arrays;
using Sieve.IO.Numpy;

namespace Sieve.Core.Tests.IO;

public sealed class NpzReaderTests
{
    [Fact]
    public void ListsAndReadsNumpySavez()
    {
        string path = FixtureFiles.Path("arrays.npz");
        Assert.Equal(["table", "counts"], NpzReader.List(path));
        Assert.Equal(Enumerable.Range(0, 12).Select(i => (0.5 * i) - 1).ToArray(), NpzReader.Read(path, "table").Values);
        Assert.Equal([1.0, 2, 3], NpzReader.Read(path, "counts.npy").Values);
        Assert.Equal(2, NpzReader.ReadAll(path).Count);
        Assert.Equal(4, NpzReader.ReadTable(path, "table").FeatureCount);
    }

    [Fact]
    public void ReadsNumpySavezCompressed()
    {
        DenseArray l1 = NpzReader.Read(FixtureFiles.Path("arrays_compressed.npz"), "l1");
        Assert.Equal([2, 3, 4], l1.Shape);
        Assert.Equal(Enumerable.Range(0, 24).Select(i => i / 4.0).ToArray(), l1.Values);
    }

    [Fact]
    public void MissingArrayListsThePresentOnes()
    {
        var e = Assert.Throws<NpyFormatException>(() => NpzReader.Read(FixtureFiles.Path("arrays.npz"), "nope"));
        Assert.Contains("table, counts", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NotAZipIsADataError()
    {
        var e = Assert.Throws<NpyFormatException>(() => NpzReader.List(FixtureFiles.Path("f8_c.npy")));
        Assert.Equal("zip", e.Field);
    }

    [Fact]
    public void TruncatedMemberIsADataError()
    {
        using var folder = new TempFolder();
        string path = folder.File("cut.npz");
        // A member whose .npy header promises more data than the member holds.
        byte[] npy = File.ReadAllBytes(FixtureFiles.Path("f8_c.npy"))[..^8];
        using (var zip = System.IO.Compression.ZipFile.Open(path, System.IO.Compression.ZipArchiveMode.Create))
        using (Stream member = zip.CreateEntry("x.npy").Open())
        {
            member.Write(npy);
        }

        var e = Assert.Throws<NpyFormatException>(() => NpzReader.Read(path, "x"));
        Assert.Contains("(x.npy)", e.File, StringComparison.Ordinal);
        Assert.Equal("data", e.Field);
    }
}
