using Sieve.Core.Tables;
using Sieve.IO.Parquet;

namespace Sieve.Core.Tests.IO;

public sealed class ParquetTableWriterTests
{
    internal static FeatureTable Sample(int rows)
    {
        var values = new double[rows * 2];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = (i * 0.1) - 7;
        }

        return new FeatureTable(["pt", "eta"], values, rows,
            [new SideChannel("event_id", Enumerable.Range(0, rows).Select(i => $"{i:D3}").ToArray()),
             new SideChannel("label", Enumerable.Range(0, rows).Select(i => i % 2 == 0 ? "sig" : "").ToArray())],
            ["event_id", "pt", "label", "eta"]);
    }

    [Theory]
    [InlineData(10, 65536)]
    [InlineData(10, 3)]
    [InlineData(0, 4)]
    public void RoundTripsThroughSeveralRowGroups(int rows, int groupSize)
    {
        using var folder = new TempFolder();
        string path = folder.File("t.parquet");
        FeatureTable table = Sample(rows);
        ParquetTableWriter.Write(path, table, new ParquetTableOptions { RowGroupSize = groupSize });
        FeatureTable back = ParquetTableReader.Read(path);
        Assert.Equal(table.FeatureNames, back.FeatureNames);
        Assert.Equal(table.ColumnOrder, back.ColumnOrder);
        Assert.Equal(table.Values, back.Values);
        Assert.Equal(rows, back.RowCount);
        foreach (SideChannel channel in table.SideChannels)
        {
            Assert.Equal(channel.Values, back.SideChannels.Single(c => c.Name == channel.Name).Values);
        }

        Assert.Equal(["t.parquet"], folder.Files());
    }
}
