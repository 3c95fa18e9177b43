using System.Globalization;
using System.Text;
using Sieve.Compression.Archive;
using Sieve.Core.Tables;
using Sieve.IO.Tables;
using Sieve.Pipeline;

namespace Sieve.Cli.Tests;

/// <summary>Error targets by pattern (*=0.5%, *Energy=1%, *Multiplicity=0): which key wins, and a 24-column table compressed with one pattern.</summary>
public sealed class TargetPatternTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("sieve-pattern-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    private static Dictionary<string, string> Targets(string text) =>
        text.Split(',').Select(p => p.Split('=')).ToDictionary(p => p[0], p => p[1], StringComparer.OrdinalIgnoreCase);

    [Theory]
    [InlineData("*=0.5%,jet1Energy=2%", "jet1Energy", "jet1Energy")] // an exact name wins over every pattern
    [InlineData("*=0.5%,*Energy=1%", "jet1Energy", "*Energy")]       // the longer pattern wins
    [InlineData("*=0.5%,*Energy=1%", "jet1Eta", "*")]
    [InlineData("*Energy=1%,jet1*=3%,*=0.5%", "jet1Energy", "*Energy")] // 6 literal characters against 4
    [InlineData("*=0.5%,pt=0.3%", "j0_pt", "pt")]                   // the part after '_' is a name, not a pattern
    [InlineData("*=0.5%,phi=0.003", "METphi", "phi")]                // and so is the variable a kind stands for
    [InlineData("JET*ENERGY=1%", "jet1Energy", "JET*ENERGY")]       // case-insensitive, like names
    public void The_most_specific_key_applies(string text, string feature, string expected) =>
        Assert.Equal(expected, ErrorTarget.Find(Targets(text), feature));

    [Fact]
    public void Equally_specific_patterns_are_refused_rather_than_guessed()
    {
        var error = Assert.Throws<ArgumentException>(() => ErrorTarget.Find(Targets("jet*=1%,*Eta=2%"), "jet1Eta"));
        Assert.Contains("jet*", error.Message, StringComparison.Ordinal);
        Assert.Contains("*Eta", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_pattern_that_matches_no_feature_is_a_typo()
    {
        var error = Assert.Throws<ArgumentException>(() => ErrorTarget.RequireAllApply(Targets("*Enrgy=1%,*=0.5%"), ["jet1Energy", "jet1Eta"], "--target-rms"));
        Assert.Contains("*Enrgy=1%", error.Message, StringComparison.Ordinal);
        // A default overridden everywhere is no typo.
        ErrorTarget.RequireAllApply(Targets("*=0.5%,jet1Energy=1%,jet1Eta=0.01"), ["jet1Energy", "jet1Eta"], "--target-rms");
    }

    [Theory]
    [InlineData("*", "anything", true)]
    [InlineData("*Energy", "Energy", true)]
    [InlineData("*Energy", "jetEnergyX", false)]
    [InlineData("a*a", "a", false)]
    [InlineData("j*_*pt", "jet1_ptpt", true)]
    [InlineData("j*_*pt", "jet1pt", false)]
    public void Patterns_match_whole_names(string pattern, string name, bool matches) =>
        Assert.Equal(matches, TargetPattern.Matches(pattern, name));

    private const int Objects = 5;

    // 24 columns: five objects x (Energy, Pt, Eta, Phi), MET, METphi, the jet multiplicity and a weight-like float.
    private string Table24(int rows)
    {
        var names = new List<string>();
        for (int j = 1; j <= Objects; j++)
        {
            names.AddRange([$"obj{j}Energy", $"obj{j}Pt", $"obj{j}Eta", $"obj{j}Phi"]);
        }

        names.AddRange(["MET", "METphi", "JetMultiplicity", "sumEt"]);
        Assert.Equal(24, names.Count);
        var random = new Random(5);
        var text = new StringBuilder(string.Join(",", names)).Append('\n');
        for (int r = 0; r < rows; r++)
        {
            var cells = new List<string>();
            for (int j = 0; j < Objects; j++)
            {
                double pt = 20 + (200 * random.NextDouble()), eta = (random.NextDouble() * 5) - 2.5;
                cells.AddRange([(pt * Math.Cosh(eta)).ToString("R", CultureInfo.InvariantCulture), pt.ToString("R", CultureInfo.InvariantCulture),
                    eta.ToString("R", CultureInfo.InvariantCulture), ((random.NextDouble() * 2 * Math.PI) - Math.PI).ToString("R", CultureInfo.InvariantCulture)]);
            }

            cells.AddRange([(10 + (90 * random.NextDouble())).ToString("R", CultureInfo.InvariantCulture),
                ((random.NextDouble() * 2 * Math.PI) - Math.PI).ToString("R", CultureInfo.InvariantCulture),
                random.Next(0, 9).ToString(CultureInfo.InvariantCulture), (100 + (900 * random.NextDouble())).ToString("R", CultureInfo.InvariantCulture)]);
            text.Append(string.Join(",", cells)).Append('\n');
        }

        string path = Path.Combine(dir, "table24.csv");
        File.WriteAllText(path, text.ToString());
        return path;
    }

    [Fact]
    public void One_pattern_targets_every_column_of_a_24_column_table()
    {
        string input = Table24(3000), archive = Path.Combine(dir, "t.sieve"), output = Path.Combine(dir, "t.csv");
        (int code, string text) = CliRunner.Run("compress", "--method", "quantize", "--input", input, "--target-rms", "*=0.5%", "--out", archive);
        Assert.True(code == 0, text);
        Assert.Contains("obj5Phi=0.5% (from *)", text, StringComparison.Ordinal);
        // The header keeps the targets as given, so --steps-from and inspect read the pattern back.
        Assert.Equal("*=0.5%", ArchiveReader.Read(archive).Header.Schema.FormatOptions["target_rms"]);
        Assert.Equal(0, CliRunner.Run("decompress", "--input", archive, "--out", output).ExitCode);

        string[] features = [.. File.ReadLines(input).First().Split(',').Where(n => n != "JetMultiplicity")];
        FeatureTable a = CsvTableReader.Read(input, new CsvTableOptions { FeatureColumns = features });
        FeatureTable b = CsvTableReader.Read(output, new CsvTableOptions { FeatureColumns = features });
        foreach (string feature in features)
        {
            int f = a.IndexOf(feature);
            double rms = Math.Sqrt(Enumerable.Range(0, a.RowCount).Select(r => (b[r, f] - a[r, f]) / a[r, f]).Select(d => d * d).Average());
            Assert.True(rms <= 0.005, $"{feature}: relative RMS {rms}");
        }

        // The multiplicity (integer counter) travels verbatim.
        Assert.Equal(File.ReadLines(input).Select(l => l.Split(',')[22]), File.ReadLines(output).Select(l => l.Split(',')[22]));

        // A shard compressed with these steps reads the pattern back from the header.
        (int shardCode, string shardText) = CliRunner.Run("compress", "--method", "quantize", "--input", input, "--steps-from", archive, "--out", Path.Combine(dir, "shard.sieve"));
        Assert.True(shardCode == 0, shardText);
    }

    [Fact]
    public void A_target_of_0_keeps_a_float_feature_losslessly_and_names_win_over_patterns()
    {
        string input = Table24(2000), archive = Path.Combine(dir, "z.sieve"), output = Path.Combine(dir, "z.csv");
        (int code, string text) = CliRunner.Run("compress", "--method", "quantize", "--input", input,
            "--target-rms", "*=0.5%,*Energy=1%,*Eta=0.002,*Phi=0.002,sumEt=0,METphi=0.01,JetMultiplicity=0", "--out", archive);
        Assert.True(code == 0, text);
        Assert.Contains("sumEt lossless", text, StringComparison.Ordinal);
        Assert.Contains("obj3Energy=1% (from *Energy)", text, StringComparison.Ordinal);
        Assert.Contains("obj3Pt=0.5% (from *)", text, StringComparison.Ordinal);
        Assert.Contains("METphi=0.01", text, StringComparison.Ordinal);
        Assert.DoesNotContain("METphi=0.002", text, StringComparison.Ordinal);
        ArchiveHeader header = ArchiveReader.Read(archive).Header;
        Assert.DoesNotContain("sumEt", header.Schema.FeatureNames);
        Assert.Equal(0, CliRunner.Run("decompress", "--input", archive, "--out", output).ExitCode);
        int sumEt = File.ReadLines(input).First().Split(',').ToList().IndexOf("sumEt");
        Assert.Equal(File.ReadLines(input).Select(l => l.Split(',')[sumEt]), File.ReadLines(output).Select(l => l.Split(',')[sumEt]));
        int phi = File.ReadLines(input).First().Split(',').ToList().IndexOf("obj1Phi");
        Assert.NotEqual(File.ReadLines(input).Skip(1).Select(l => l.Split(',')[phi]), File.ReadLines(output).Skip(1).Select(l => l.Split(',')[phi]));
    }
}
