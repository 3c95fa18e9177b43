using Sieve.Core.Tables;
using Sieve.IO.Parquet;

namespace Sieve.Core.Tests.IO;

public sealed class ParquetTableReaderTests
{
    [Fact]
    public void ExplicitFeatureColumnsSetOrderAndMakeOthersSideChannels()
    {
        using var folder = new TempFolder();
        string path = folder.File("t.parquet");
        ParquetTableWriter.Write(path, ParquetTableWriterTests.Sample(4));
        FeatureTable back = ParquetTableReader.Read(path, new ParquetTableOptions { FeatureColumns = ["ETA"] });
        Assert.Equal(["eta"], back.FeatureNames);
        Assert.Equal(-6.9, back[0, 0], 12);
        Assert.Equal("-7", back.SideChannels.Single(c => c.Name == "pt").Values[0]);
    }

    [Fact]
    public void UnknownOrNonNumericFeatureColumnIsADataError()
    {
        using var folder = new TempFolder();
        string path = folder.File("t.parquet");
        ParquetTableWriter.Write(path, ParquetTableWriterTests.Sample(2));
        var missing = Assert.Throws<ParquetFormatException>(() => ParquetTableReader.Read(path, new ParquetTableOptions { FeatureColumns = ["mass"] }));
        Assert.Contains("event_id, pt, label, eta", missing.Message, StringComparison.Ordinal);
        var text = Assert.Throws<ParquetFormatException>(() => ParquetTableReader.Read(path, new ParquetTableOptions { FeatureColumns = ["label"] }));
        Assert.Equal("label", text.Field);
    }

    [Fact]
    public void NotParquetIsADataError()
    {
        var e = Assert.Throws<ParquetFormatException>(() => ParquetTableReader.Read(FixtureFiles.Path("f8_c.npy")));
        Assert.Contains("f8_c.npy", e.Message, StringComparison.Ordinal);
        Assert.Contains("Parquet", e.Message, StringComparison.Ordinal);
    }
}
