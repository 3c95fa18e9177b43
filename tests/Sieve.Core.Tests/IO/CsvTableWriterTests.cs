using Sieve.Core.Tables;
using Sieve.IO.Tables;
using Sieve.Tests.Shared;

namespace Sieve.Core.Tests.IO;

public class CsvTableWriterTests
{
    private static FeatureTable Small(double[] values) => new(
        ["x", "y"], values, values.Length / 2, [new SideChannel("id", Enumerable.Range(0, values.Length / 2).Select(i => $"r{i}").ToArray())],
        ["y", "id", "x"]);

    [Fact]
    public void A_table_of_many_parts_is_written_in_row_order_and_reads_back_exactly()
    {
        // 3 x 4096 + 5 rows: formatted in parts on all cores, written in order.
        var rng = new Random(4);
        int rows = (3 * 4096) + 5;
        double[] values = [.. Enumerable.Range(0, rows * 2).Select(_ => (rng.NextDouble() - 0.5) * Math.Pow(10, rng.Next(-30, 30)))];
        using var folder = new TempFolder();
        string path = folder.File("many.csv");
        CsvTableWriter.Write(path, Small(values));
        string[] lines = File.ReadAllLines(path);
        Assert.Equal(rows + 1, lines.Length);
        Assert.Equal($"r{rows - 1}", lines[^1].Split(',')[1]);
        FeatureTable back = CsvTableReader.Read(path, new CsvTableOptions { FeatureColumns = ["x", "y"] });
        Assert.Equal(values, back.Values);
    }

    [Theory]
    [InlineData(0.1f, "0.1")]
    [InlineData(0.2431077551841736f, "0.24310775")]
    [InlineData(1e-45f, "1e-45")]
    [InlineData(-3.4028235e38f, "-3.4028235e+38")]
    [InlineData(4f, "4")]
    public void Float32_format_writes_the_shortest_text_of_the_float(float value, string expected)
    {
        var table = new FeatureTable(["s"], [(double)value], 1, [], ["s"]);
        using var writer = new StringWriter();
        CsvTableWriter.Write(writer, table, CsvTableWriter.Float32Format);
        Assert.Equal($"s\n{expected}\n", writer.ToString());
        Assert.Equal(value, float.Parse(expected, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Float32_format_refuses_a_double_beyond_floats_range_and_writes_no_file()
    {
        using var folder = new TempFolder();
        string path = folder.File("big.csv");
        var table = new FeatureTable(["s"], [1e39], 1, [], ["s"]);
        var error = Assert.Throws<ArgumentException>(() => CsvTableWriter.WriteChunks(path, [table], CsvTableWriter.Float32Format));
        Assert.Contains("float32", error.Message);
        Assert.Empty(folder.Files());
    }

    [Fact]
    public void Chunks_take_a_format_per_feature()
    {
        var table = new FeatureTable(["score", "weight"], [(double)0.1f, 0.1], 1, [], ["score", "weight"]);
        using var folder = new TempFolder();
        string path = folder.File("scores.csv");
        CsvTableWriter.WriteChunks(path, [table, table], featureFormats: new Dictionary<string, string> { ["score"] = CsvTableWriter.Float32Format });
        Assert.Equal("score,weight\n0.1,0.1\n0.1,0.1\n", File.ReadAllText(path));
    }

    [SkippableFact]
    public void Real_atlas_table_round_trips_byte_for_byte()
    {
        // The file's numbers are already shortest round-trip text (float32 values written with
        // 9 significant digits or fewer, lower-case exponent), so the strongest property holds:
        // read -> write gives the same bytes. Values and side channels are checked as well, so a
        // failure says which layer broke.
        string path = SharedData.Require(CsvTableReaderTests.AtlasTest);
        FeatureTable original = CsvTableReader.Read(path, CsvTableReaderTests.AtlasFeatures);
        using var folder = new TempFolder();
        string copy = folder.File("test.csv");
        CsvTableWriter.Write(copy, original);

        FeatureTable back = CsvTableReader.Read(copy, CsvTableReaderTests.AtlasFeatures);
        Assert.Equal(original.Values, back.Values);
        Assert.Equal(original.ColumnOrder, back.ColumnOrder);
        Assert.Equal(original.SideChannels.Single().Values, back.SideChannels.Single().Values);
        Assert.True(File.ReadAllBytes(path).AsSpan().SequenceEqual(File.ReadAllBytes(copy)), "written file differs from the original bytes");
        Assert.Equal(["test.csv"], folder.Files());
    }

    [Fact]
    public void Writes_header_in_column_order_and_side_channels_verbatim()
    {
        var text = new StringWriter();
        CsvTableWriter.Write(text, Small([1.5, -9.80156328e-05, 0.1, 1e21]));
        Assert.Equal("y,id,x\n-9.80156328e-05,r0,1.5\n1e+21,r1,0.1\n", text.ToString());
    }

    [Fact]
    public void G9_writes_float32_values_without_conversion_noise()
    {
        float[] floats = [0.1f, 1.0f / 3, 123456.789f, -2.5e-7f];
        double[] values = [floats[0], floats[1], floats[2], floats[3]];
        var text = new StringWriter();
        CsvTableWriter.Write(text, Small(values), "G9", ';');
        Assert.Equal("y;id;x\n0.333333343;r0;0.100000001\n-2.49999999e-07;r1;123456.789\n", text.ToString());
        FeatureTable back = CsvTableReader.Read(new StringReader(text.ToString()), "g9", new CsvTableOptions { Delimiter = ';', FeatureColumns = ["x", "y"] });
        Assert.Equal(floats, back.Values.Select(v => (float)v));
    }

    [Fact]
    public void Invalid_tables_and_formats_are_refused_before_writing()
    {
        using var folder = new TempFolder();
        string path = folder.File("t.csv");
        var badOrder = new FeatureTable(["x"], [1.0], 1, [], ["x", "x"]);
        var badText = new FeatureTable(["x"], [1.0], 1, [new SideChannel("id", ["a,b"])], ["id", "x"]);
        Assert.Throws<ArgumentException>(() => CsvTableWriter.Write(path, badOrder));
        Assert.Throws<ArgumentException>(() => CsvTableWriter.Write(path, badText));
        Assert.Throws<ArgumentException>(() => CsvTableWriter.Write(path, Small([1, 2]), "Q7"));
        Assert.Empty(folder.Files());
    }

    [Fact]
    public void Failed_write_leaves_no_file_and_keeps_an_existing_one()
    {
        using var folder = new TempFolder();
        string path = folder.File("t.csv");
        FeatureTable withNaN = Small([1, 2, 3, double.NaN]);
        Assert.Throws<ArgumentException>(() => CsvTableWriter.Write(path, withNaN));
        Assert.Empty(folder.Files());

        File.WriteAllText(path, "previous\n");
        Assert.Throws<ArgumentException>(() => CsvTableWriter.Write(path, withNaN));
        Assert.Equal("previous\n", File.ReadAllText(path));
        Assert.Equal(["t.csv"], folder.Files());
    }

    [Fact]
    public void Chunks_written_together_equal_the_whole_table_and_other_columns_leave_nothing()
    {
        using var folder = new TempFolder();
        FeatureTable whole = Sieve.Core.Synthetic.SyntheticJets.Generate(10, 1);
        FeatureTable Rows(int from, int n) => new(whole.FeatureNames, whole.Values[(from * 4)..((from + n) * 4)], n,
            [new SideChannel(whole.SideChannels[0].Name, [.. whole.SideChannels[0].Values.Skip(from).Take(n)])], whole.ColumnOrder);
        string a = folder.File("a.csv"), b = folder.File("b.csv");
        CsvTableWriter.Write(a, whole);
        CsvTableWriter.WriteChunks(b, [Rows(0, 3), Rows(3, 7)]);
        Assert.Equal(File.ReadAllText(a), File.ReadAllText(b));

        FeatureTable other = new(["x"], [1.0], 1, [], ["x"]);
        Assert.Throws<ArgumentException>(() => CsvTableWriter.WriteChunks(folder.File("c.csv"), [Rows(0, 3), other]));
        Assert.Equal(["a.csv", "b.csv"], folder.Files().Order());
    }
}
