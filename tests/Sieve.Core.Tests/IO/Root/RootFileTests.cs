using Sieve.IO.Root;

namespace Sieve.Core.Tests.IO.Root;

public sealed class RootFileTests
{
    [SkippableFact]
    public void HeaderAndKeysOfAFlatTree()
    {
        using RootFile file = RootFile.Open(RootData.Zmumu("zlib"));
        Assert.Equal(61005, file.Version);
        Assert.False(file.IsLargeFile);
        Assert.Equal(RootCompressionAlgorithm.Zlib, file.Compression.Algorithm);
        RootKey key = Assert.Single(file.Trees);
        Assert.Equal(("events", "TTree", 1), (key.Name, key.ClassName, key.Cycle));
        Assert.True(key.IsCompressed);
        Assert.True(RootFile.HasMagic(file.Path));
    }

    [SkippableTheory]
    [InlineData("uncompressed", RootCompressionAlgorithm.None)]
    [InlineData("zlib", RootCompressionAlgorithm.Zlib)]
    [InlineData("lz4", RootCompressionAlgorithm.Lz4)]
    [InlineData("lzma", RootCompressionAlgorithm.Lzma)]
    [InlineData("zstd", RootCompressionAlgorithm.Zstd)]
    public void BranchesCarryTheirCompression(string name, RootCompressionAlgorithm algorithm)
    {
        using RootFile file = RootFile.Open(RootData.Zmumu(name));
        RootTree tree = file.OpenTree();
        Assert.All(tree.Branches, b => Assert.Equal(algorithm, b.Compression.Algorithm));
    }

    [SkippableFact]
    public void RNTupleIsNamedAsNotSupportedYet()
    {
        string path = RootData.Path("Run2012BC_DoubleMuParked_Muons_1000evts_rntuple_v1-0-0-0.root");
        using RootFile file = RootFile.Open(path);
        RootKey key = Assert.Single(file.Keys);
        Assert.True(key.IsRNTuple);
        Assert.Empty(file.Trees);
        var first = Assert.Throws<RootFormatException>(() => file.OpenTree());
        Assert.Contains("RNTuple is not supported yet", first.Message, StringComparison.Ordinal);
        Assert.Contains("'Events'", first.Message, StringComparison.Ordinal);
        Assert.Contains(path, first.Message, StringComparison.Ordinal);
        var named = Assert.Throws<RootFormatException>(() => file.OpenTree("Events"));
        Assert.Contains("RNTuple is not supported yet", named.Message, StringComparison.Ordinal);
        Assert.Equal("Events", named.Field);
    }

    [SkippableFact]
    public void MissingTreeListsTheTrees()
    {
        using RootFile file = RootFile.Open(RootData.Zmumu("lz4"));
        var error = Assert.Throws<RootFormatException>(() => file.OpenTree("nope"));
        Assert.Contains("no object 'nope'", error.Message, StringComparison.Ordinal);
        Assert.Contains("events", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AFileThatIsNotRootSaysWhatItStartsWith()
    {
        using var folder = new TempFolder();
        string path = folder.File("table.root");
        File.WriteAllText(path, "a,b\n1,2\n");
        var error = Assert.Throws<RootFormatException>(() => RootFile.Open(path));
        Assert.Contains("'a,b.'", error.Message, StringComparison.Ordinal);
        Assert.Contains("not a ROOT file", error.Message, StringComparison.Ordinal);
        Assert.False(RootFile.HasMagic(path));
    }

    [Theory]
    [InlineData(new byte[] { 0x89, (byte)'H', (byte)'D', (byte)'F', 13, 10, 26, 10 }, "an HDF5 file")]
    [InlineData(new byte[] { (byte)'P', (byte)'A', (byte)'R', (byte)'1', 0, 0 }, "a Parquet file")]
    [InlineData(new byte[] { 0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y', 1, 0 }, "a NumPy .npy file")]
    public void OtherBinaryFormatsAreNamed(byte[] head, string name)
    {
        using var folder = new TempFolder();
        string path = folder.File("wrong.root");
        File.WriteAllBytes(path, [.. head, .. new byte[64]]);
        var error = Assert.Throws<RootFormatException>(() => RootFile.Open(path));
        Assert.Contains($"it looks like {name}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnEmptyFileIsADataError()
    {
        using var folder = new TempFolder();
        string path = folder.File("empty.root");
        File.WriteAllBytes(path, []);
        Assert.Throws<RootFormatException>(() => RootFile.Open(path));
    }
}
