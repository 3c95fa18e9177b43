using System.Text.Json;
using Sieve.Core.Metrics.Scans;
using Sieve.Core.Synthetic;
using Sieve.IO.Tables;
using Sieve.Pipeline.Cluster;

namespace Sieve.Cli.Tests;

/// <summary>
/// `sieve scan --local`: one training per latent size and seed through the cluster manifest, a table,
/// a summary that follows the stated rule, a plot; a training run again gives the same weights.
/// </summary>
public sealed class ScanTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("sieve-scan-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    [Fact]
    public void A_local_latent_scan_trains_every_point_tabulates_and_picks_by_the_rule_and_a_training_run_again_gives_the_same_weights()
    {
        string input = Path.Combine(dir, "jets.csv");
        CsvTableWriter.Write(input, SyntheticJets.Generate(1200, 7));
        string run = Path.Combine(dir, "scan");
        (int code, string text) = CliRunner.Run("scan", "--grid", "latent=2,3", "--seeds", "2", "--input", input, "--out", run, "--local",
            "--", "--columns", "m,pt,phi,eta", "--preset", "small", "--epochs", "3");
        Assert.True(code == 0, text);
        Assert.Contains("summarised 4 trainings", text, StringComparison.Ordinal);

        string[] rows = File.ReadAllLines(Path.Combine(run, "scan.csv"));
        Assert.Equal("latent,seed,best_validation_loss,best_epoch,model", rows[0]);
        Assert.Equal(["2,42", "2,43", "3,42", "3,43"], rows.Skip(1).Select(r => string.Join(',', r.Split(',').Take(2))));

        ParameterScan scan = ScanReport.Read(Path.Combine(run, "scan.csv"));
        using JsonDocument summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(run, "scan.json")));
        Assert.Equal(scan.Best.Value, summary.RootElement.GetProperty("best").GetInt32());
        Assert.Equal(ParameterScan.Rule, summary.RootElement.GetProperty("rule").GetString());
        Assert.Contains($"picked latent = {scan.Best.Value}", text, StringComparison.Ordinal);
        Assert.True(new FileInfo(Path.Combine(run, "scan.png")).Length > 1000);

        // The manifest records each training's seed and exact command; task 3 run again gives the same weights.
        ClusterManifest manifest = ClusterManifest.Load(run);
        ClusterStep last = manifest.Tasks[3].Steps.Single();
        Assert.Equal((3, 43), (last.Value, last.Seed));
        Assert.Contains("--latent 3 --seed 43", last.Command, StringComparison.Ordinal);
        byte[] weights = File.ReadAllBytes(Path.Combine(last.Output, "weights.bin"));
        (code, text) = CliRunner.Run("task", run, "--index", "3", "--job", "again");
        Assert.True(code == 0, text);
        Assert.Equal(weights, File.ReadAllBytes(Path.Combine(last.Output, "weights.bin")));
    }

    [Fact]
    public void A_grid_the_scan_cannot_vary_or_options_it_sets_itself_are_refused()
    {
        (int code, string text) = CliRunner.Run("scan", "--grid", "dropout=1,2", "--input", "x.csv", "--out", Path.Combine(dir, "a"));
        Assert.Equal(1, code);
        Assert.Contains("latent, epochs, batch-size, patience", text, StringComparison.Ordinal);
        string input = Path.Combine(dir, "jets.csv");
        CsvTableWriter.Write(input, SyntheticJets.Generate(100, 7));
        (code, text) = CliRunner.Run("scan", "--grid", "latent=2,3", "--input", input, "--out", Path.Combine(dir, "b"), "--", "--seed", "5");
        Assert.Equal(1, code);
        Assert.Contains("the scan sets them", text, StringComparison.Ordinal);
    }
}
