using Sieve.Core.Errors;
using Sieve.IO.Arrays;
using Sieve.IO.Hdf5;

namespace Sieve.Core.Tests.IO;

/// <summary>Reads the h5py-written fixture l1.h5; expected values are the formulas in make_fixtures.py.</summary>
public sealed class Hdf5ReaderTests
{
    private static readonly string L1 = FixtureFiles.Path("l1.h5");

    [Fact]
    public void ReadsL1InputsFloat32ThreeDimensional()
    {
        DenseArray array = Hdf5Reader.ReadDataset(L1, "/L1/inputs", 3);
        Assert.Equal([5, 19, 3], array.Shape);
        Assert.Equal(ArrayElementType.Float32, array.ElementType);
        Assert.Equal(Enumerable.Range(0, 285).Select(i => (i / 8.0) - 10).ToArray(), array.Values);
        Assert.Equal(-10.0, array.Values[0]);
        Assert.Equal(25.5, array.Values[284]);
    }

    [Fact]
    public void ReadsFloat64OneDimensional()
    {
        Assert.Equal([1.0, 0.5, 0.25, 2.0, 4.0], Hdf5Reader.ReadDataset(L1, "L1/weights").Values);
    }

    [Fact]
    public void ListsDatasets()
    {
        Assert.Equal(["/L1/inputs", "/L1/labels", "/L1/weights", "/table/features", "/table/side_channels/event_id"],
            Hdf5Reader.ListDatasets(L1).Order(StringComparer.Ordinal).ToArray());
    }

    [Fact]
    public void ReadsStringAndNumericAttributes()
    {
        IReadOnlyDictionary<string, object> attributes = Hdf5Reader.ReadAttributes(L1, "/L1/inputs");
        Assert.Equal("GeV", attributes["units"]);
        Assert.Equal(new[] { "pt", "eta", "phi" }, attributes["feature_names"]);
        Assert.Equal(3L, attributes["version"]);
        Assert.Equal(0.5, attributes["scale"]);
        Assert.Equal(new[] { 1.0, 2.5 }, attributes["bins"]);
        Assert.Equal("make_fixtures.py", Hdf5Reader.ReadAttributes(L1)["tool"]);
    }

    [Fact]
    public void MissingDatasetListsThePresentOnes()
    {
        var e = Assert.Throws<Hdf5FormatException>(() => Hdf5Reader.ReadDataset(L1, "/L1/missing"));
        Assert.Equal("/L1/missing", e.Field);
        Assert.Contains("/L1/inputs", e.Message, StringComparison.Ordinal);
        Assert.Contains("/L1/weights", e.Message, StringComparison.Ordinal);
        Assert.Throws<Hdf5FormatException>(() => Hdf5Reader.ReadDataset(L1, "/nogroup/x"));
        Assert.Contains("group", Assert.Throws<Hdf5FormatException>(() => Hdf5Reader.ReadDataset(L1, "/L1")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WrongRankNamesPathShapeAndExpectation()
    {
        var e = Assert.Throws<Hdf5FormatException>(() => Hdf5Reader.ReadDataset(L1, "/L1/inputs", 2));
        Assert.Equal("/L1/inputs", e.Field);
        Assert.Contains("rank 3, shape (5, 19, 3)", e.Message, StringComparison.Ordinal);
        Assert.Contains("expected rank 2", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void IntegerDatasetIsAWrongTypeError()
    {
        var e = Assert.Throws<Hdf5FormatException>(() => Hdf5Reader.ReadDataset(L1, "/L1/labels"));
        Assert.Contains("32-bit integer", e.Message, StringComparison.Ordinal);
        Assert.Contains("float32 or float64", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NotAnHdf5FileIsADataError()
    {
        var e = Assert.ThrowsAny<SieveDataException>(() => Hdf5Reader.ReadDataset(FixtureFiles.Path("f8_c.npy"), "/x"));
        Assert.Contains("f8_c.npy", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadsH5pyWrittenTable()
    {
        var table = Hdf5TableReader.Read(L1, "/table");
        Assert.Equal(["pt", "eta"], table.FeatureNames);
        Assert.Equal(["event_id", "pt", "eta"], table.ColumnOrder);
        Assert.Equal([1.0, 2.0, 3.0, 4.0, 5.0, 6.5], table.Values);
        Assert.Equal(["e1", "e2", "e3"], Assert.Single(table.SideChannels).Values);
    }
}
