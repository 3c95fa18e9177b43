using System.Globalization;
using Sieve.Core.Tables;
using Sieve.IO.Tables;

namespace Sieve.Cli.Tests;

/// <summary>
/// A CMS-style dimuon table (Run, Event, charges, multiplicities beside the kinematics): the
/// integer identifiers and counters are kept losslessly by default, said in the output, and come
/// back exactly; --columns still makes any column a feature.
/// </summary>
public sealed class IdentifierColumnTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("sieve-ids-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    private string Dimuons(int rows)
    {
        var rng = new Random(9);
        var lines = new List<string> { "Run,Event,nMuon,Q1,E1,pt1,eta1,phi1" };
        for (int r = 0; r < rows; r++)
        {
            double pt = 20 + (80 * rng.NextDouble()), eta = (4 * rng.NextDouble()) - 2, phi = (2 * Math.PI * rng.NextDouble()) - Math.PI;
            lines.Add(string.Create(CultureInfo.InvariantCulture,
                $"{166128 + (r / 500)},{700000000 + (r * 37)},{2 + rng.Next(3)},{(rng.Next(2) == 0 ? -1 : 1)},{pt * Math.Cosh(eta):R},{pt:R},{eta:R},{phi:R}"));
        }

        string path = Path.Combine(dir, "dimuon.csv");
        File.WriteAllLines(path, lines);
        return path;
    }

    [Fact]
    public void Identifiers_and_counters_are_not_features_and_come_back_exactly()
    {
        string input = Dimuons(1500);
        string model = Path.Combine(dir, "model");
        (int code, string text) = CliRunner.Run("train", "--input", input, "--normalisation", "zscore", "--preset", "small", "--epochs", "1", "--out", model);
        Assert.True(code == 0, text);
        Assert.Contains("kept losslessly, not as features (integer identifiers or counters): Run, Event, nMuon, Q1", text, StringComparison.Ordinal);
        Assert.Contains("4-", text, StringComparison.Ordinal); // a 4-input network: E1, pt1, eta1, phi1

        string archive = Path.Combine(dir, "a.sieve"), output = Path.Combine(dir, "a.csv");
        Assert.Equal(0, CliRunner.Run("compress", "--model", model, "--input", input, "--out", archive).ExitCode);
        Assert.Equal(0, CliRunner.Run("decompress", "--input", archive, "--out", output).ExitCode);
        FeatureTable a = CsvTableReader.Read(input, new CsvTableOptions { FeatureColumns = ["pt1"] });
        FeatureTable b = CsvTableReader.Read(output, new CsvTableOptions { FeatureColumns = ["pt1"] });
        foreach (string name in new[] { "Run", "Event", "nMuon", "Q1" })
        {
            Assert.Equal(a.SideChannels.Single(c => c.Name == name).Values, b.SideChannels.Single(c => c.Name == name).Values);
        }

        (code, text) = CliRunner.Run("compress", "--method", "quantize", "--input", input, "--target-rms", "E1=1%,pt1=1%,eta1=0.01,phi1=0.01", "--out", Path.Combine(dir, "q.sieve"));
        Assert.True(code == 0, text);
        Assert.Contains("kept losslessly, not as features", text, StringComparison.Ordinal);

        // Chosen features are features, integers or not.
        (code, text) = CliRunner.Run("train", "--input", input, "--columns", "Q1,pt1", "--normalisation", "zscore", "--preset", "small", "--epochs", "1", "--out", Path.Combine(dir, "m2"));
        Assert.True(code == 0, text);
        Assert.DoesNotContain("kept losslessly", text, StringComparison.Ordinal);
    }
}
