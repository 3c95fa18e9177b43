using System.Text.Json;
using Sieve.Core.Synthetic;
using Sieve.IO.DarkMachines;

namespace Sieve.Cli.Tests;

/// <summary>score -> roc through the CLI on synthetic events with a planted signal.</summary>
public sealed class AnomalyTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("sieve-ad-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    [Fact]
    public void Vae_on_fixed_slots_scores_events_and_separates_the_planted_signal()
    {
        string train = Path(("train.csv")), background = Path("bg.csv"), signal = Path("sig.csv");
        DarkMachinesWriter.Write(train, SyntheticEvents.Generate(2000, 1, signal: false));
        DarkMachinesWriter.Write(background, SyntheticEvents.Generate(1000, 2, signal: false));
        DarkMachinesWriter.Write(signal, SyntheticEvents.Generate(300, 3, signal: true));
        string model = Path("model");
        (int code, string text) = CliRunner.Run("train", "--input", train, "--layout", "fixed-slots", "--vae", "--beta", "0.5",
            "--normalisation", "logzscore", "--preset", "small", "--latent", "4", "--epochs", "15", "--out", model);
        Assert.True(code == 0, text);

        // The checkpoint declares the rows it reads: (slots, 3) of a slot layout, not a flat list.
        Sieve.Core.Tables.InputSchema schema = Sieve.Models.Checkpoints.ModelCheckpoint.ReadManifest(model).Schema;
        Assert.NotNull(schema.Shape);
        Assert.Equal(["slot", "feature"], schema.Shape!.Axes);
        Assert.Equal([schema.FeatureNames.Count / 3, 3], schema.Shape.Dims);

        (code, text) = CliRunner.Run("score", "--model", model, "--input", background, "--out", Path("bg-scores.csv"));
        Assert.True(code == 0, text);
        (code, text) = CliRunner.Run("score", "--model", model, "--input", signal, "--out", Path("sig-scores.parquet"));
        Assert.True(code == 0, text);
        string header = File.ReadLines(Path("bg-scores.csv")).First();
        Assert.Equal("event_id,process_id,score_recon,score_kl,score_rz,weight,multiplicity", header);
        Assert.Equal(1001, File.ReadLines(Path("bg-scores.csv")).Count());

        // Scored in chunks of 128 events: the same events in the same order with the same scores
        // (to float32 inference noise: batches of another size may sum in another order).
        Sieve.Pipeline.ScoreWorkflow.Run(model, background, Path("bg-chunked.csv"), eventsPerChunk: 128);
        string[][] whole = [.. File.ReadLines(Path("bg-scores.csv")).Skip(1).Select(l => l.Split(','))];
        string[][] chunked = [.. File.ReadLines(Path("bg-chunked.csv")).Skip(1).Select(l => l.Split(','))];
        Assert.Equal(whole.Select(r => r[0]), chunked.Select(r => r[0]));
        for (int r = 0; r < whole.Length; r++)
        {
            for (int c = 2; c < whole[r].Length; c++)
            {
                double a = double.Parse(whole[r][c], System.Globalization.CultureInfo.InvariantCulture), b = double.Parse(chunked[r][c], System.Globalization.CultureInfo.InvariantCulture);
                Assert.True(Math.Abs(a - b) <= 1e-5 * Math.Max(1, Math.Abs(a)), $"row {r + 1}, column {c + 1}: {a} whole, {b} in chunks");
            }
        }

        string report = Path("report");
        (code, text) = CliRunner.Run("roc", "--background", Path("bg-scores.csv"), "--signal", Path("sig-scores.parquet"), "--bootstrap", "50",
            "--history", System.IO.Path.Combine(model, "history.csv"), "--out", report);
        Assert.True(code == 0, text);
        Assert.Contains("correlation of the score with multiplicity", text, StringComparison.Ordinal);

        using JsonDocument json = JsonDocument.Parse(File.ReadAllText(System.IO.Path.Combine(report, "report.json")));
        JsonElement s = json.RootElement.GetProperty("signals")[0];
        Assert.Equal(SyntheticEvents.SignalProcess, s.GetProperty("name").GetString());
        Assert.True(s.GetProperty("auc").GetDouble() > 0.7, $"AUC {s.GetProperty("auc").GetDouble()}");
        JsonElement[] points = [.. s.GetProperty("working_points").EnumerateArray()];
        Assert.Equal(4, points.Length);
        // 1,000 background events resolve FPR 1e-2 and 1e-3, not 1e-4 or 1e-5.
        Assert.Equal("ok", points[0].GetProperty("status").GetString());
        Assert.Equal("not_enough_background", points[3].GetProperty("status").GetString());
        Assert.True(json.RootElement.GetProperty("background").TryGetProperty("correlation", out _));

        string[] files = [.. Directory.GetFiles(report).Select(System.IO.Path.GetFileName)!];
        Assert.Contains("index.html", files);
        Assert.Contains("roc.png", files);
        Assert.Contains("scores.png", files);
        Assert.Contains("loss.png", files);
        Assert.Contains("darkmachines.csv", files);
        Assert.Contains(files, f => f!.StartsWith("score_vs_multiplicity_", StringComparison.Ordinal));
        Assert.StartsWith("signal,auc,eps_s_at_1e-2", File.ReadLines(System.IO.Path.Combine(report, "darkmachines.csv")).First(), StringComparison.Ordinal);
    }

    [Fact]
    public void Event_scores_need_one_row_per_event()
    {
        string train = Path("train.csv");
        DarkMachinesWriter.Write(train, SyntheticEvents.Generate(300, 1, signal: false));
        string model = Path("per-object");
        Assert.Equal(0, CliRunner.Run("train", "--input", train, "--epochs", "1", "--preset", "small", "--out", model).ExitCode);
        (int code, string text) = CliRunner.Run("score", "--model", model, "--input", train, "--out", Path("s.csv"));
        Assert.Equal(1, code);
        Assert.Contains("--layout", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Kl_score_of_a_plain_autoencoder_is_a_clear_error()
    {
        string bg = Path("bg.csv");
        File.WriteAllText(bg, "event_id,process_id,score_recon,weight,multiplicity\n1,b,0.5,1,3\n2,b,0.7,1,4\n");
        (int code, string text) = CliRunner.Run("roc", "--background", bg, "--signal", bg, "--score", "kl", "--out", Path("r"));
        Assert.Equal(1, code);
        Assert.Contains("score_kl", text, StringComparison.Ordinal);
    }

    private string Path(string name) => System.IO.Path.Combine(dir, name);
}
