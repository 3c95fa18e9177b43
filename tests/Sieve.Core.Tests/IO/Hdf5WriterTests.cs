using Sieve.Core.Tables;
using Sieve.IO.Arrays;
using Sieve.IO.Hdf5;

namespace Sieve.Core.Tests.IO;

public sealed class Hdf5WriterTests
{
    [Fact]
    public void RoundTripsTwoAndThreeDimensionalDatasetsWithAttributes()
    {
        using var folder = new TempFolder();
        string path = folder.File("out.h5");
        var l1 = new DenseArray(Enumerable.Range(0, 285).Select(i => (i / 8.0) - 10).ToArray(), [5, 19, 3], ArrayElementType.Float32);
        var table = new DenseArray([1, 2, 3, 4, 5, 6.5], [3, 2], ArrayElementType.Float64);
        Hdf5Writer.Write(path,
        [
            new Hdf5DatasetContent("/L1/inputs", l1, new Dictionary<string, object>
            {
                ["units"] = "GeV",
                ["feature_names"] = new[] { "pt", "eta", "phi" },
                ["version"] = 3L,
                ["scale"] = 0.5,
            }),
            new Hdf5DatasetContent("/table", table),
        ], new Dictionary<string, object> { ["tool"] = "sieve 0.1" });

        DenseArray back = Hdf5Reader.ReadDataset(path, "/L1/inputs", 3);
        Assert.Equal([5, 19, 3], back.Shape);
        Assert.Equal(ArrayElementType.Float32, back.ElementType);
        Assert.Equal(l1.Values, back.Values);
        Assert.Equal(table.Values, Hdf5Reader.ReadDataset(path, "/table", 2).Values);
        IReadOnlyDictionary<string, object> attributes = Hdf5Reader.ReadAttributes(path, "/L1/inputs");
        Assert.Equal("GeV", attributes["units"]);
        Assert.Equal(new[] { "pt", "eta", "phi" }, attributes["feature_names"]);
        Assert.Equal(3L, attributes["version"]);
        Assert.Equal(0.5, attributes["scale"]);
        Assert.Equal("sieve 0.1", Hdf5Reader.ReadAttributes(path)["tool"]);
    }

    [Fact]
    public void LargeDatasetIsWrittenInSeveralSlabs()
    {
        // More than one 2^20-element slab, so the slab loop's offsets are exercised.
        using var folder = new TempFolder();
        string path = folder.File("big.h5");
        var array = new DenseArray(Enumerable.Range(0, 400_000 * 3).Select(i => (double)i).ToArray(), [400_000, 3]);
        Hdf5Writer.Write(path, [new Hdf5DatasetContent("/x", array)]);
        Assert.Equal(array.Values, Hdf5Reader.ReadDataset(path, "/x").Values);
    }

    [Fact]
    public void TableRoundTripsWithSideChannelsAndAttributes()
    {
        using var folder = new TempFolder();
        string path = folder.File("t.h5");
        var table = new FeatureTable(["pt", "m"], [10, 1, 20.5, 2, 30, 3], 3,
            [new SideChannel("event_id", ["7", "8", "9"]), new SideChannel("label", ["sig", "bkg", "é"])],
            ["event_id", "pt", "label", "m"]);
        Hdf5TableWriter.Write(path, table, attributes: new Dictionary<string, object> { ["units"] = "GeV" });
        var back = Hdf5TableReader.Read(path);
        Assert.Equal(table.FeatureNames, back.FeatureNames);
        Assert.Equal(table.Values, back.Values);
        Assert.Equal(table.ColumnOrder, back.ColumnOrder);
        Assert.Equal(["7", "8", "9"], back.SideChannels.Single(c => c.Name == "event_id").Values);
        Assert.Equal(["sig", "bkg", "é"], back.SideChannels.Single(c => c.Name == "label").Values);
        IReadOnlyDictionary<string, object> root = Hdf5Reader.ReadAttributes(path);
        Assert.Equal("GeV", root["units"]);
        Assert.Equal("sieve-table", root["format"]);
        Assert.Equal(1L, root["format_version"]);
    }

    [Fact]
    public void RefusesIntegerArraysAndBadPaths()
    {
        using var folder = new TempFolder();
        Assert.Throws<ArgumentException>(() => Hdf5Writer.Write(folder.File("a.h5"),
            [new Hdf5DatasetContent("/x", new DenseArray([1], [1], ArrayElementType.Int64))]));
        Assert.Throws<ArgumentException>(() => Hdf5Writer.Write(folder.File("a.h5"),
            [new Hdf5DatasetContent("/", new DenseArray([1], [1]))]));
        Assert.Empty(folder.Files());
    }
}
