using System.Globalization;
using System.Text.Json;

namespace Sieve.Cli.Tests;

/// <summary>
/// Variable kinds from name patterns (pt1, eta1, phi1, MET, phiMET) and --kinds, with the same
/// rules in compress and evaluate; target keys that apply to no feature are refused.
/// </summary>
public sealed class VariableKindTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("sieve-kinds-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    private string Table()
    {
        var rng = new Random(21);
        var lines = new List<string> { "pt1,eta1,phi1,MET,phiMET,x" };
        for (int r = 0; r < 2000; r++)
        {
            // Azimuths close to +-pi, so a missing wrap shows as errors of ~2 pi.
            double phi = rng.Next(2) == 0 ? Math.PI - (0.001 * rng.NextDouble()) : -Math.PI + (0.001 * rng.NextDouble());
            lines.Add(string.Create(CultureInfo.InvariantCulture,
                $"{20 + (300 * rng.NextDouble()):R},{(5 * rng.NextDouble()) - 2.5:R},{phi:R},{10 + (200 * rng.NextDouble()):R},{-phi:R},{rng.NextDouble():R}"));
        }

        string path = Path.Combine(dir, "t.csv");
        File.WriteAllLines(path, lines);
        return path;
    }

    [Fact]
    public void Patterns_give_wrapping_and_relative_targets_and_evaluate_agrees_with_compress()
    {
        string input = Table();
        string archive = Path.Combine(dir, "a.sieve"), output = Path.Combine(dir, "a.csv");
        const string bounds = "pt=0.5%,eta=0.01,phi=0.01,x=0.01";
        (int code, string text) = CliRunner.Run("compress", "--method", "quantize", "--input", input, "--max-error", bounds, "--quantiser", "uniform", "--out", archive);
        Assert.True(code == 0, text);
        Assert.Equal(0, CliRunner.Run("decompress", "--input", archive, "--out", output).ExitCode);

        // evaluate applies the same bounds by the same rules: pt to pt1 and MET, phi to phi1 and phiMET.
        string report = Path.Combine(dir, "r");
        (code, text) = CliRunner.Run("evaluate", "--original", input, "--reconstructed", output, "--max-error", bounds, "--out", report);
        Assert.True(code == 0, text);
        using JsonDocument json = JsonDocument.Parse(File.ReadAllText(Path.Combine(report, "report.json")));
        string Kind(string name) => json.RootElement.GetProperty("variables").EnumerateArray().Single(v => v.GetProperty("name").GetString() == name).GetProperty("kind").GetString()!;
        Assert.Equal(["energy_like", "plain", "angle", "energy_like", "angle", "plain"], new[] { "pt1", "eta1", "phi1", "MET", "phiMET", "x" }.Select(n => Kind(n)));
        Assert.Contains("ok MET: max error", text, StringComparison.Ordinal);
        Assert.Contains("ok phiMET: max error", text, StringComparison.Ordinal);
        Assert.DoesNotContain("BROKEN", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Declared_kinds_apply_in_both_verbs_and_unknown_keys_are_refused()
    {
        string input = Table();
        string archive = Path.Combine(dir, "k.sieve"), output = Path.Combine(dir, "k.csv");
        (int code, string text) = CliRunner.Run("compress", "--method", "quantize", "--input", input, "--target-rms", "pt=0.5%,eta=0.01,phi=0.01,x=0.01,etaa=0.0001", "--out", archive);
        Assert.True(code == 1, text);
        Assert.Contains("etaa=0.0001: applies to no feature", text, StringComparison.Ordinal);
        Assert.False(File.Exists(archive));

        // x declared an angle takes the phi target; MET declared plain needs its own.
        (code, text) = CliRunner.Run("compress", "--method", "quantize", "--input", input, "--kinds", "x=phi,MET=plain", "--target-rms", "pt=0.5%,eta=0.01,phi=0.01", "--out", archive);
        Assert.True(code == 1, text);
        Assert.Contains("no target for MET", text, StringComparison.Ordinal);
        (code, text) = CliRunner.Run("compress", "--method", "quantize", "--input", input, "--kinds", "x=phi,MET=plain", "--target-rms", "pt=0.5%,eta=0.01,phi=0.01,MET=0.5",
            "--out", archive);
        Assert.True(code == 0, text);
        Assert.Equal(0, CliRunner.Run("decompress", "--input", archive, "--out", output).ExitCode);

        (code, text) = CliRunner.Run("evaluate", "--original", input, "--reconstructed", output, "--kinds", "MET=plain", "--max-error", "MET=0.5%", "--out", Path.Combine(dir, "r1"));
        Assert.True(code == 1, text);
        Assert.Contains("MET has no relative residual", text, StringComparison.Ordinal);
        (code, text) = CliRunner.Run("evaluate", "--original", input, "--reconstructed", output, "--max-error", "etaa=0.01", "--out", Path.Combine(dir, "r2"));
        Assert.True(code == 1, text);
        Assert.Contains("applies to no feature", text, StringComparison.Ordinal);
        (code, text) = CliRunner.Run("evaluate", "--original", input, "--reconstructed", output, "--kinds", "nope=phi", "--out", Path.Combine(dir, "r3"));
        Assert.True(code == 1, text);
        Assert.Contains("nope", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_target_on_a_column_read_as_text_names_the_bad_cell()
    {
        string input = Table();
        string[] lines = File.ReadAllLines(input);
        string[] cells = lines[7].Split(',');
        cells[1] = "abc"; // eta1 of data row 7 (line 8)
        lines[7] = string.Join(',', cells);
        File.WriteAllLines(input, lines);
        string archive = Path.Combine(dir, "bad.sieve");
        (int code, string text) = CliRunner.Run("compress", "--method", "quantize", "--input", input, "--target-rms", "pt=0.5%,eta1=0.01,phi=0.01,x=0.01", "--out", archive);
        Assert.True(code == 1, text);
        Assert.Contains(":8, field eta1", text, StringComparison.Ordinal);
        Assert.Contains("'abc'", text, StringComparison.Ordinal);
        Assert.False(File.Exists(archive));
    }
}
