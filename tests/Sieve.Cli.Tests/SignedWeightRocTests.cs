using System.Text.Json;

namespace Sieve.Cli.Tests;

/// <summary>
/// `sieve roc` on samples with negative event weights (NLO): signed sums by default, with a warning
/// where an efficiency is not monotone; --clip-negative-weights and --ignore-weights as the
/// alternatives. The AUCs are the ones worked out by hand in SignedWeightTests (0.75, 0.8, 0.75).
/// </summary>
public sealed class SignedWeightRocTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("sieve-nlo-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    [Theory]
    [InlineData(null, 0.75, true)]
    [InlineData("--clip-negative-weights", 0.8, false)]
    [InlineData("--ignore-weights", 0.75, false)]
    public void Negative_weights_are_summed_with_their_sign_unless_clipped_or_ignored(string? option, double auc, bool warned)
    {
        (string bg, string sig) = Samples();
        string report = Path.Combine(dir, "report");
        string[] args = ["roc", "--background", bg, "--signal", sig, "--bootstrap", "0", "--out", report];
        (int code, string text) = CliRunner.Run(option is null ? args : [.. args, option]);
        Assert.True(code == 0, text);
        Assert.Equal(warned, text.Contains("warning: background: the FPR is not monotone", StringComparison.Ordinal));
        Assert.Equal(warned, text.Contains("warning: ttbar-nlo: the TPR is not monotone", StringComparison.Ordinal));

        using JsonDocument json = JsonDocument.Parse(File.ReadAllText(Path.Combine(report, "report.json")));
        JsonElement signal = json.RootElement.GetProperty("signals")[0];
        Assert.Equal(auc, signal.GetProperty("auc").GetDouble(), 12);
        string notes = string.Join(" ", json.RootElement.GetProperty("notes").EnumerateArray().Select(n => n.GetString()));
        Assert.Contains("background: 1 of 4 events negative", notes, StringComparison.Ordinal);
        Assert.Equal(warned ? 2 : 0, json.RootElement.TryGetProperty("warnings", out JsonElement w) ? w.GetArrayLength() : 0);
    }

    [Fact]
    public void Clipping_and_ignoring_together_is_a_usage_error()
    {
        (string bg, string sig) = Samples();
        (int code, string text) = CliRunner.Run("roc", "--background", bg, "--signal", sig, "--ignore-weights", "--clip-negative-weights", "--out", Path.Combine(dir, "r"));
        Assert.Equal(1, code);
        Assert.Contains("exclude each other", text, StringComparison.Ordinal);
    }

    private (string Background, string Signal) Samples()
    {
        string bg = Path.Combine(dir, "bg.csv"), sig = Path.Combine(dir, "sig.csv");
        File.WriteAllText(bg, "event_id,process_id,score_recon,weight,multiplicity\n1,background,4,1,3\n2,background,3,-0.5,4\n3,background,2,1,2\n4,background,1,0.5,3\n");
        File.WriteAllText(sig, "event_id,process_id,score_recon,weight,multiplicity\n1,ttbar-nlo,5,1,5\n2,ttbar-nlo,3.5,1,4\n3,ttbar-nlo,2.5,-0.5,6\n");
        return (bg, sig);
    }
}
