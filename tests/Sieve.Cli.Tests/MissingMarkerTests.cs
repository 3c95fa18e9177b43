using System.Globalization;
using Sieve.Core.Tables;
using Sieve.IO.Tables;

namespace Sieve.Cli.Tests;

/// <summary>
/// --missing on compress (every method) and score: marker cells are not quantised as numbers; they
/// come back as the marker exactly, and the present cells meet their targets as if the markers
/// were not there.
/// </summary>
public sealed class MissingMarkerTests : IDisposable
{
    private const double Marker = -999.0;
    private readonly string dir = Directory.CreateTempSubdirectory("sieve-missing-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    // A HiggsML-like table: an id, pT of a jet that is often absent, its eta and phi (absent with it), and a mass.
    private string Table(int rows, int seed)
    {
        var rng = new Random(seed);
        var lines = new List<string> { "EventId,PRI_jet_pt,PRI_jet_eta,PRI_jet_phi,DER_mass" };
        for (int r = 0; r < rows; r++)
        {
            bool jet = rng.NextDouble() < 0.6;
            double pt = 30 + (200 * rng.NextDouble()), eta = (4 * rng.NextDouble()) - 2, phi = (2 * Math.PI * rng.NextDouble()) - Math.PI;
            string m = rng.NextDouble() < 0.1 ? "-999.0" : (60 + (100 * rng.NextDouble())).ToString("R", CultureInfo.InvariantCulture);
            lines.Add(jet
                ? string.Create(CultureInfo.InvariantCulture, $"{100000 + r},{pt:R},{eta:R},{phi:R},{m}")
                : string.Create(CultureInfo.InvariantCulture, $"{100000 + r},-999.0,-999.0,-999.0,{m}"));
        }

        string path = Path.Combine(dir, $"t{seed}.csv");
        File.WriteAllLines(path, lines);
        return path;
    }

    [Theory]
    [InlineData("quantize", "--target-rms", "trellis")]
    [InlineData("quantize", "--target-rms", "uniform")]
    [InlineData("quantize", "--max-error", "uniform")]
    [InlineData("float16", null, null)]
    public void Markers_come_back_exactly_and_present_cells_meet_the_targets(string method, string? option, string? quantiser)
    {
        string input = Table(3000, 5);
        string archive = Path.Combine(dir, "m.sieve"), output = Path.Combine(dir, "m.csv");
        const string targets = "PRI_jet_pt=0.5%,DER_mass=0.5%,PRI_jet_eta=0.005,PRI_jet_phi=0.005";
        string[] how = option is null ? ["--method", method] : ["--method", method, option, targets, "--quantiser", quantiser!];
        (int code, string text) = CliRunner.Run(["compress", .. how, "--input", input, "--missing", "-999", "--out", archive]);
        Assert.True(code == 0, text);
        (code, text) = CliRunner.Run("decompress", "--input", archive, "--out", output);
        Assert.True(code == 0, text);

        FeatureTable a = CsvTableReader.Read(input), b = CsvTableReader.Read(output);
        Assert.Equal(a.FeatureNames, b.FeatureNames);
        Assert.Equal(a.SideChannels.Single(c => c.Name == "EventId").Values, b.SideChannels.Single(c => c.Name == "EventId").Values);
        int markers = 0;
        foreach (string name in a.FeatureNames)
        {
            int f = a.IndexOf(name);
            var errors = new List<double>();
            for (int r = 0; r < a.RowCount; r++)
            {
                if (a[r, f] == Marker)
                {
                    Assert.True(b[r, f] == Marker, $"{name} row {r}: marker came back as {b[r, f]}");
                    markers++;
                    continue;
                }

                Assert.NotEqual(Marker, b[r, f]);
                bool relative = name is "PRI_jet_pt" or "DER_mass";
                double d = b[r, f] - a[r, f];
                errors.Add(relative ? d / a[r, f] : name.EndsWith("phi", StringComparison.Ordinal) ? Sieve.Core.Events.Kinematics.WrapPhi(d) : d);
            }

            const double bound = 0.005; // 0.5 % for pT and mass, 0.005 for eta and phi
            double measure = option == "--target-rms" ? Math.Sqrt(errors.Average(e => e * e)) : errors.Max(Math.Abs);
            Assert.True(measure <= bound, $"{name}: {(option == "--target-rms" ? "RMS" : "max error")} {measure} over present cells, target {bound}");
        }

        Assert.True(markers > 3000, $"{markers} marker cells");
    }

    [Fact]
    public void Without_missing_the_markers_are_numbers_and_score_checks_the_models_marker()
    {
        string train = Table(2000, 6), test = Table(300, 7);
        string model = Path.Combine(dir, "model");
        (int code, string text) = CliRunner.Run("train", "--input", train, "--missing", "-999", "--normalisation", "zscore", "--preset", "small", "--epochs", "1", "--out", model);
        Assert.True(code == 0, text);

        (code, text) = CliRunner.Run("score", "--model", model, "--input", test, "--missing", "-999", "--out", Path.Combine(dir, "s.csv"));
        Assert.True(code == 0, text);
        (code, text) = CliRunner.Run("score", "--model", model, "--input", test, "--missing", "-1", "--out", Path.Combine(dir, "s2.csv"));
        Assert.True(code == 1, text);
        Assert.Contains("trained with --missing -999", text, StringComparison.Ordinal);

        string plain = Path.Combine(dir, "plain");
        Assert.Equal(0, CliRunner.Run("train", "--input", train, "--normalisation", "zscore", "--preset", "small", "--epochs", "1", "--out", plain).ExitCode);
        (code, text) = CliRunner.Run("compress", "--model", plain, "--input", test, "--missing", "-999", "--out", Path.Combine(dir, "x.sieve"));
        Assert.True(code == 1, text);
        Assert.Contains("trained without a missing-value marker", text, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(dir, "x.sieve")));
    }

    [Fact]
    public void Score_takes_missing_in_both_spellings_and_it_changes_nothing_the_models_marker_does_not()
    {
        string train = Table(2000, 8), test = Table(300, 9);
        string model = Path.Combine(dir, "score-model");
        Assert.Equal(0, CliRunner.Run("train", "--input", train, "--missing", "-999", "--normalisation", "zscore", "--preset", "small", "--epochs", "2", "--out", model).ExitCode);

        string[] Scores(params string[] missing)
        {
            string output = Path.Combine(dir, $"scores{missing.Length}-{string.Concat(missing)}.csv");
            (int code, string text) = CliRunner.Run(["score", "--model", model, "--input", test, .. missing, "--out", output]);
            Assert.True(code == 0, text);
            return [.. File.ReadLines(output).Skip(1).Select(l => l.Split(',')[2])];
        }

        string[] own = Scores();
        Assert.Equal(300, own.Length);
        Assert.Equal(own, Scores("--missing", "-999"));
        Assert.Equal(own, Scores("--missing=-999.0"));
        Assert.All(own, s => Assert.True(double.IsFinite(double.Parse(s, CultureInfo.InvariantCulture)), s));
    }
}
