using System.Globalization;
using Sieve.Core.Synthetic;
using Sieve.IO.DarkMachines;
using Sieve.IO.Tables;

namespace Sieve.Cli.Tests;

/// <summary>The set autoencoder through the CLI: train on events, score them, and what it refuses.</summary>
public sealed class SetModelTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("sieve-set-cli-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    [Fact]
    public void Trains_on_event_slots_and_scores_every_event_with_a_finite_matched_loss()
    {
        string train = Path.Combine(dir, "bg.csv"), test = Path.Combine(dir, "sig.csv"), model = Path.Combine(dir, "set");
        DarkMachinesWriter.Write(train, SyntheticEvents.Generate(600, seed: 1, signal: false));
        DarkMachinesWriter.Write(test, SyntheticEvents.Generate(150, seed: 2, signal: true));

        (int code, string text) = CliRunner.Run("train", "--input", train, "--layout", "fixed-slots", "--allow-drop", "--set-model", "--epochs", "2", "--out", model);
        Assert.True(code == 0, text);
        Assert.Contains("DeepSets (23 x 3, 6 kinds)", text, StringComparison.Ordinal);
        Assert.Contains("\"set\"", File.ReadAllText(Path.Combine(model, "model.json")), StringComparison.OrdinalIgnoreCase);

        string scores = Path.Combine(dir, "sig.scores.csv");
        (code, text) = CliRunner.Run("score", "--model", model, "--input", test, "--allow-drop", "--out", scores);
        Assert.True(code == 0, text);
        Assert.Contains("by libtorch", text, StringComparison.Ordinal);   // no native kernels for set models
        var table = CsvTableReader.Read(scores);
        Assert.Equal(150, table.RowCount);
        int recon = table.IndexOf("score_recon");
        Assert.True(recon >= 0, string.Join(",", table.FeatureNames));
        for (int r = 0; r < table.RowCount; r++)
        {
            double value = table[r, recon];
            Assert.True(double.IsFinite(value) && value >= 0, value.ToString(CultureInfo.InvariantCulture));
        }

        string archive = Path.Combine(dir, "sig.sieve");
        (code, text) = CliRunner.Run("compress", "--model", model, "--input", test, "--allow-drop", "--out", archive);
        Assert.True(code != 0 && !File.Exists(archive), text);
        Assert.Contains("is a set model", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_flat_table_is_refused_with_the_layout_to_use()
    {
        string table = Path.Combine(dir, "jets.csv");
        CsvTableWriter.Write(table, SyntheticJets.Generate(200, 1));
        (int code, string text) = CliRunner.Run("train", "--input", table, "--set-model", "--epochs", "1", "--out", Path.Combine(dir, "m"));
        Assert.True(code != 0, text);
        Assert.Contains("--layout fixed-slots", text, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(dir, "m", "model.json")));
    }
}
