using Sieve.Core.Synthetic;
using Sieve.IO.Tables;

namespace Sieve.Cli.Tests;

/// <summary>train -> compress -> decompress through the CLI: determinism, checksums, errors.</summary>
[Collection(SerialDecoding.Name)]
public sealed class RoundTripTests : IClassFixture<TrainedModelFixture>
{
    private readonly TrainedModelFixture model;

    public RoundTripTests(TrainedModelFixture model) => this.model = model;

    [Fact]
    public void Decompressing_twice_gives_identical_bytes_and_keeps_side_channels()
    {
        string archive = model.Path("twice.sieve");
        Assert.Equal(0, CliRunner.Run("compress", "--model", model.ModelDir, "--input", model.TestCsv, "--out", archive).ExitCode);
        string a = model.Path("a.csv");
        string b = model.Path("b.csv");
        Assert.Equal(0, CliRunner.Run("decompress", "--input", archive, "--model", model.ModelDir, "--out", a).ExitCode);
        Assert.Equal(0, CliRunner.Run("decompress", "--input", archive, "--out", b).ExitCode); // model found from the archive
        Assert.Equal(File.ReadAllBytes(a), File.ReadAllBytes(b));

        var original = CsvTableReader.Read(model.TestCsv, new CsvTableOptions { FeatureColumns = SyntheticJets.Features });
        var decoded = CsvTableReader.Read(a, new CsvTableOptions { FeatureColumns = SyntheticJets.Features });
        Assert.Equal(original.ColumnOrder, decoded.ColumnOrder);
        Assert.Equal(original.SideChannels[0].Values, decoded.SideChannels[0].Values);
        Assert.Equal(original.RowCount, decoded.RowCount);
    }

    [Fact]
    public void Flipping_any_byte_makes_decompression_fail_with_a_checksum_error()
    {
        string archive = model.Path("flip.sieve");
        Assert.Equal(0, CliRunner.Run("compress", "--model", model.ModelDir, "--input", model.TestCsv, "--out", archive).ExitCode);
        byte[] good = File.ReadAllBytes(archive);
        var rng = new Random(5);
        int[] positions = [0, 1, 7, 8, 12, 40, good.Length / 2, good.Length - 41, good.Length - 33, good.Length - 1, .. Enumerable.Range(0, 10).Select(_ => rng.Next(good.Length))];
        foreach (int position in positions)
        {
            byte[] bad = (byte[])good.Clone();
            bad[position] ^= (byte)(1 << rng.Next(8));
            string corrupt = model.Path($"corrupt-{position}.sieve");
            File.WriteAllBytes(corrupt, bad);
            string output = model.Path($"corrupt-{position}.csv");
            (int code, string text) = CliRunner.Run("decompress", "--input", corrupt, "--model", model.ModelDir, "--out", output);
            Assert.True(code == 1, $"byte {position}: exit {code}\n{text}");
            Assert.Contains("checksum", text, StringComparison.OrdinalIgnoreCase);
            Assert.False(File.Exists(output), "no output file may be written from a corrupt archive");
        }
    }

    [Fact]
    public void Inspect_shows_sizes_that_add_up_and_a_valid_checksum()
    {
        string archive = model.Path("inspect.sieve");
        Assert.Equal(0, CliRunner.Run("compress", "--model", model.ModelDir, "--input", model.TestCsv, "--out", archive).ExitCode);
        (int code, string text) = CliRunner.Run("inspect", archive);
        Assert.True(code == 0, text);
        Assert.Contains("valid", text, StringComparison.Ordinal);
        Assert.Contains(new FileInfo(archive).Length.ToString("N0", System.Globalization.CultureInfo.InvariantCulture), text, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_input_line_is_named_and_exit_code_is_non_zero()
    {
        string bad = model.Path("bad.csv");
        File.WriteAllText(bad, "orig_index,m,pt,phi,eta\n0,1.0,50,0.1,0.2\n1,1.0,abc,0.1,0.2\n");
        (int code, string text) = CliRunner.Run("compress", "--model", model.ModelDir, "--input", bad, "--out", model.Path("bad.sieve"));
        Assert.Equal(1, code);
        Assert.Contains("bad.csv:3", text, StringComparison.Ordinal);
        Assert.Contains("pt", text, StringComparison.Ordinal);
        Assert.False(File.Exists(model.Path("bad.sieve")));
    }

    [Fact]
    public void Non_positive_pt_is_reported_with_its_line()
    {
        string bad = model.Path("zero-pt.csv");
        File.WriteAllText(bad, "orig_index,m,pt,phi,eta\n0,1.0,50,0.1,0.2\n1,1.0,0,0.1,0.2\n");
        (int code, string text) = CliRunner.Run("compress", "--model", model.ModelDir, "--input", bad, "--out", model.Path("zero.sieve"));
        Assert.Equal(1, code);
        Assert.Contains("zero-pt.csv:3", text, StringComparison.Ordinal);
        Assert.Contains("positive", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("train")]
    [InlineData("compress")]
    [InlineData("decompress")]
    [InlineData("evaluate")]
    [InlineData("inspect")]
    [InlineData("demo")]
    [InlineData("info")]
    [InlineData("score")]
    [InlineData("roc")]
    public void Every_verb_has_help(string verb)
    {
        (int code, string text) = CliRunner.Run(verb, "--help");
        Assert.Equal(0, code);
        Assert.Contains("Usage:", text, StringComparison.Ordinal);
        Assert.Contains(verb, text, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_required_option_fails()
    {
        (int code, _) = CliRunner.Run("compress", "--input", model.TestCsv);
        Assert.NotEqual(0, code);
    }
}
