using Sieve.Core.Errors;
using Sieve.Core.Tables;
using Sieve.IO.Tables;
using Sieve.Tests.Shared;

namespace Sieve.Core.Tests.IO;

public class CsvTableReaderTests
{
    internal const string AtlasTest = "atlas-jets-4d/test.csv";
    internal static readonly CsvTableOptions AtlasFeatures = new() { FeatureColumns = ["m", "pt", "phi", "eta"] };

    private static FeatureTable ReadText(string text, CsvTableOptions? options = null) =>
        CsvTableReader.Read(new StringReader(text), "t.csv", options);

    private static SieveDataException Fails(string text, CsvTableOptions? options = null)
    {
        var ex = Assert.Throws<SieveDataException>(() => ReadText(text, options));
        Assert.Equal("t.csv", ex.File);
        Assert.NotNull(ex.Expected);
        return ex;
    }

    [SkippableFact]
    public void Real_atlas_table_matches_reference_values()
    {
        string path = SharedData.Require(AtlasTest);

        // Reference computed outside the project (pt in MeV, as in the file):
        //   python3 -c "import math; r=[l.split(',') for l in open('test.csv').read().splitlines()[1:]];
        //               print(len(r), math.fsum(float(x[2]) for x in r))"
        //   -> 27945 1818718514.7665
        FeatureTable table = CsvTableReader.Read(path, AtlasFeatures);
        Assert.Equal(27945, table.RowCount);
        Assert.Equal(["m", "pt", "phi", "eta"], table.FeatureNames);
        Assert.Equal(["orig_index", "m", "pt", "phi", "eta"], table.ColumnOrder);
        SideChannel index = Assert.Single(table.SideChannels);
        Assert.Equal("orig_index", index.Name);
        Assert.Equal("85972", index.Values[0]);
        Assert.Equal(4983.72998, table[0, 0]);
        Assert.Equal(-0.059531562, table[0, 3]);
        Assert.Equal(1818718514.7665, table.Column(table.IndexOf("pt")).Sum(), 1818718514.7665 * 1e-12);
    }

    [SkippableFact]
    public void Automatic_selection_on_real_tables()
    {
        FeatureTable atlas = CsvTableReader.Read(SharedData.Require(AtlasTest));
        Assert.Equal(["m", "pt", "phi", "eta"], atlas.FeatureNames);
        Assert.Equal(["orig_index"], atlas.SideChannels.Select(s => s.Name));

        FeatureTable higgs = CsvTableReader.Read(SharedData.Require("higgsml/bg.csv"));
        Assert.Equal(3500, higgs.RowCount);
        // 30 numeric columns; PRI_jet_num is a multiplicity (integers 0-3), kept losslessly rather than as a feature.
        Assert.Equal(29, higgs.FeatureCount);
        Assert.Equal(["EventId", "PRI_jet_num", "Weight", "Label", "KaggleSet", "KaggleWeight"], higgs.SideChannels.Select(s => s.Name));
        Assert.Contains(-999.0, higgs.Values);
    }

    [Fact]
    public void Explicit_features_keep_the_given_order_and_everything_else_verbatim()
    {
        FeatureTable t = ReadText("id,x,y,note\r\n007,1.50,2,ok\r\n008,-3e2,4, spaced \r\n\r\n", new() { FeatureColumns = ["Y", "x"] });
        Assert.Equal(["y", "x"], t.FeatureNames);
        Assert.Equal([2, 1.5, 4, -300], t.Values);
        Assert.Equal(["id", "x", "y", "note"], t.ColumnOrder);
        Assert.Equal(["007", "008"], t.SideChannels[0].Values);
        Assert.Equal(["ok", " spaced "], t.SideChannels[1].Values);
    }

    [Fact]
    public void Automatic_selection_demotes_text_columns_and_identifier_names()
    {
        FeatureTable t = ReadText("event_id,a,b,weight\n1,1,x,0.5\n2,2,3,0.25\n");
        Assert.Equal(["a"], t.FeatureNames);
        Assert.Equal(["event_id", "b", "weight"], t.SideChannels.Select(s => s.Name));
        Assert.Equal(["x", "3"], t.SideChannels[1].Values);
    }

    [Fact]
    public void Other_delimiter_and_header_only_table()
    {
        FeatureTable t = ReadText("a;b\n1;2\n", new() { Delimiter = ';' });
        Assert.Equal([1.0, 2.0], t.Values);
        FeatureTable empty = ReadText("a,b\n");
        Assert.Equal(0, empty.RowCount);
        Assert.Equal(["a", "b"], empty.ColumnOrder);
    }

    [Fact]
    public void Empty_file_and_missing_header()
    {
        SieveDataException empty = Fails("");
        Assert.Equal(1, empty.Line);
        Assert.Null(empty.Field);

        Assert.Equal(1, Fails("\n1,2\n").Line);

        SieveDataException noHeader = Fails("1,2.5,3\n4,5,6\n");
        Assert.Equal(1, noHeader.Line);
        Assert.Contains("header is missing", noHeader.Problem, StringComparison.Ordinal);

        SieveDataException emptyName = Fails("a,,c\n1,2,3\n");
        Assert.Equal("column 2", emptyName.Field);
    }

    [Fact]
    public void Duplicate_column_names()
    {
        SieveDataException ex = Fails("a,b,A\n1,2,3\n");
        Assert.Equal(1, ex.Line);
        Assert.Equal("A", ex.Field);
    }

    [Fact]
    public void Unknown_feature_column_lists_the_available_ones()
    {
        SieveDataException ex = Fails("id,m,pt\n1,2,3\n", new() { FeatureColumns = ["m", "zz"] });
        Assert.Equal(1, ex.Line);
        Assert.Equal("zz", ex.Field);
        Assert.Contains("id, m, pt", ex.Expected, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("id,x,y\n1,2,3\n4,5\n", 3, "y")]
    [InlineData("id,x,y\n1,2,3\n4,5,6,7\n", 3, "field 4")]
    [InlineData("id,x,y\n1,2,3\n4,5,6\n\n7,8,9\n", 4, null)]
    public void Wrong_field_count_and_inner_empty_line(string text, long line, string? field)
    {
        SieveDataException ex = Fails(text);
        Assert.Equal(line, ex.Line);
        Assert.Equal(field, ex.Field);
    }

    [Theory]
    [InlineData("id,x,y\n1,2,3\n2,abc,4\n", 3, "x", "not a number")]
    [InlineData("id,x,y\n1,2,3\n2,3,NaN\n", 3, "y", "not finite")]
    [InlineData("id,x,y\n1,2,-Infinity\n", 2, "y", "not finite")]
    [InlineData("id,x,y\n1,2,1e999\n", 2, "y", "not finite")]
    [InlineData("id,x,y\n1,2,\n", 2, "y", "not a number")]
    [InlineData("id,x,y\n1,2,3\n1,1.5.2,3\n", 3, "x", "not a number")]
    public void Bad_number_in_a_selected_feature_column(string text, long line, string field, string problem)
    {
        SieveDataException ex = Fails(text, new() { FeatureColumns = ["x", "y"] });
        Assert.Equal(line, ex.Line);
        Assert.Equal(field, ex.Field);
        Assert.Contains(problem, ex.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void NaN_in_an_automatically_chosen_column_is_an_error_not_a_side_channel()
    {
        SieveDataException ex = Fails("id,x\n1,2\n2,3\n3,nan\n");
        Assert.Equal(4, ex.Line);
        Assert.Equal("x", ex.Field);
    }

    [Fact]
    public void Path_overload_names_the_path_in_errors()
    {
        using var folder = new TempFolder();
        string path = folder.File("bad.csv");
        File.WriteAllText(path, "a,b\n1,2\n3,x\n");
        var ex = Assert.Throws<SieveDataException>(() => CsvTableReader.Read(path, new CsvTableOptions { FeatureColumns = ["a", "b"] }));
        Assert.Equal(path, ex.File);
        Assert.Equal(3, ex.Line);
        Assert.Equal("b", ex.Field);
    }

    [SkippableFact]
    public void Chunks_of_a_real_table_put_together_equal_the_whole_table()
    {
        string path = SharedData.Require("higgsml/bg.csv");
        FeatureTable whole = CsvTableReader.Read(path);
        FeatureTable[] chunks = [.. CsvTableReader.ReadChunks(path, rowsPerChunk: 1000)];

        // 3500 rows: three full chunks and a last one of 500.
        Assert.Equal([1000, 1000, 1000, 500], chunks.Select(c => c.RowCount));
        foreach (FeatureTable chunk in chunks)
        {
            Assert.Equal(whole.FeatureNames, chunk.FeatureNames);
            Assert.Equal(whole.ColumnOrder, chunk.ColumnOrder);
            Assert.Equal(whole.SideChannels.Select(s => s.Name), chunk.SideChannels.Select(s => s.Name));
        }

        Assert.Equal(whole.Values, chunks.SelectMany(c => c.Values));
        for (int s = 0; s < whole.SideChannels.Count; s++)
        {
            Assert.Equal(whole.SideChannels[s].Values, chunks.SelectMany(c => c.SideChannels[s].Values));
        }
    }

    [Fact]
    public void A_chunk_size_that_divides_the_rows_gives_no_empty_last_chunk()
    {
        using var folder = new TempFolder();
        string path = folder.File("t.csv");
        File.WriteAllText(path, "a,b\n1,2\n3,4\n5,6\n7,8\n");
        Assert.Equal([2, 2], CsvTableReader.ReadChunks(path, rowsPerChunk: 2).Select(c => c.RowCount));
    }

    [Fact]
    public void Text_in_a_feature_column_after_the_first_chunk_is_an_error_with_its_line()
    {
        // The first chunk makes "b" a feature; a later cell that is not a number must not be
        // silently turned into text (the whole-file reader would have made "b" a side channel).
        using var folder = new TempFolder();
        string path = folder.File("t.csv");
        File.WriteAllText(path, "a,b\n1,2\n3,4\n5,6\n7,abc\n");
        var ex = Assert.Throws<SieveDataException>(() => CsvTableReader.ReadChunks(path, rowsPerChunk: 2).ToList());
        Assert.Equal(path, ex.File);
        Assert.Equal(5, ex.Line);
        Assert.Equal("b", ex.Field);
    }
}
