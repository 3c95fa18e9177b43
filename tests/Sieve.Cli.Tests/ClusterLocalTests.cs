using System.Text.Json;
using Sieve.Pipeline;
using Sieve.Pipeline.Cluster;

namespace Sieve.Cli.Tests;

/// <summary>
/// `sieve submit --local` and `sieve collect` end to end on this machine (no Slurm): the tasks run as
/// processes of the same `sieve` from the same manifest an array job uses; the merged archive is the
/// single-process one byte for byte; a task run again writes the same bytes; a bad input fails its
/// task with its reason and log, after its retries, and nothing is merged.
/// </summary>
public sealed class ClusterLocalTests : IClassFixture<TrainedModelFixture>, IDisposable
{
    private readonly TrainedModelFixture fixture;
    private readonly string dir = Directory.CreateTempSubdirectory("sieve-cluster-").FullName;

    public ClusterLocalTests(TrainedModelFixture fixture) => this.fixture = fixture;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    [Fact]
    public void Local_compress_shards_merge_to_the_single_process_archive_and_a_task_run_again_writes_the_same_bytes()
    {
        string[] inputs = ClusterRun.Inputs(dir, 5);
        string run = Path.Combine(dir, "run");
        (int code, string text) = CliRunner.Run(["submit", "--verb", "compress", "--inputs", Path.Combine(dir, "inputs", "*.csv"), "--out", run,
            "--files-per-task", "2", "--local", "--", .. ClusterRun.Quantize]);
        Assert.True(code == 0, text);
        Assert.Contains("3 tasks over 5 inputs", text, StringComparison.Ordinal);

        (code, text) = CliRunner.Run("collect", run);
        Assert.True(code == 0, text);
        string merged = Path.Combine(run, "merged.sieve");
        Assert.Contains($"merged 3 tasks, {Enumerable.Range(0, 5).Sum(i => 600 + (100 * i))} rows", text, StringComparison.Ordinal);

        // One process, the same inputs and quantiser: the same bytes.
        string reference = ClusterRun.SingleProcess(dir, inputs, Path.Combine(run, "steps.sieve"));
        Assert.Equal(File.ReadAllBytes(reference), File.ReadAllBytes(merged));

        // The manifest records the tool, the inputs' SHA-256 and every exact command.
        ClusterManifest manifest = ClusterManifest.Load(run);
        Assert.Equal(ToolInfo.Name, manifest.Tool);
        Assert.Equal(inputs, manifest.Inputs.Select(i => i.Path));
        Assert.Equal(FileFingerprint.Hash(inputs[3]).Sha256, manifest.Inputs[3].Sha256);
        ClusterStep step = manifest.Tasks[1].Steps[1];
        Assert.Equal(3, step.Input);
        Assert.Contains($"--steps-from {Path.Combine(run, "steps.sieve")}", step.Command, StringComparison.Ordinal);
        Assert.EndsWith($"--input {inputs[3]} --out {step.Output}", step.Command, StringComparison.Ordinal);

        // Task 1 run again (by hand, as a retry would): the same outputs, byte for byte.
        byte[][] before = [.. manifest.Tasks[1].Steps.Select(s => File.ReadAllBytes(s.Output))];
        TaskMarker first = TaskMarker.TryLoad(Path.Combine(run, "done", "1.json"))!;
        (code, text) = CliRunner.Run("task", run, "--index", "1", "--job", "again");
        Assert.True(code == 0, text);
        TaskMarker again = TaskMarker.TryLoad(Path.Combine(run, "done", "1.json"))!;
        Assert.Equal("again", again.JobId);
        Assert.Equal(first.Outputs.Select(o => o.Sha256), again.Outputs.Select(o => o.Sha256));
        Assert.Equal(before, manifest.Tasks[1].Steps.Select(s => File.ReadAllBytes(s.Output)));
    }

    [Fact]
    public void A_bad_input_fails_its_task_with_the_reason_and_log_after_its_retries_and_nothing_is_merged()
    {
        string[] inputs = ClusterRun.Inputs(dir, 4);
        string[] lines = File.ReadAllLines(inputs[2]);
        lines[100] += ",surplus"; // line 101 has a field too many
        File.WriteAllLines(inputs[2], lines);
        string run = Path.Combine(dir, "run");
        (int code, string text) = CliRunner.Run(["submit", "--verb", "compress", "--inputs", Path.Combine(dir, "inputs", "*.csv"), "--out", run,
            "--local", "--max-retries", "1", "--", .. ClusterRun.Quantize]);
        Assert.True(code == 0, text);

        (code, text) = CliRunner.Run("collect", run, "--json");
        Assert.Equal(1, code);
        CollectSummary summary = JsonSerializer.Deserialize<CollectSummary>(text, Sieve.Core.Serialization.SieveJson.Options)!;
        Assert.Equal(CollectState.Failed, summary.State);
        TaskReport failed = Assert.Single(summary.Tasks, t => t.State == TaskState.Failed);
        Assert.Equal(2, failed.Index);
        Assert.Equal(2, failed.Attempts); // the first run and one retry
        Assert.Contains($"{inputs[2]}:101", failed.Reason, StringComparison.Ordinal);
        Assert.Equal(Path.Combine(run, "logs", "local2_2.out"), failed.Log);
        Assert.Contains("expected 5 fields", File.ReadAllText(failed.Log!), StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(run, "merged.sieve")));
        Assert.Equal(2, ClusterManifest.Load(run).Attempts.Count);

        (code, text) = CliRunner.Run("collect", run);
        Assert.Equal(1, code);
        Assert.Contains($"task 2 failed after 2 attempt(s): input {inputs[2]}: {inputs[2]}:101", text, StringComparison.Ordinal);
        Assert.Contains("local2_2.out", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Local_scores_join_in_input_order_and_equal_one_process_scoring_each_input()
    {
        string[] inputs = ClusterRun.Inputs(dir, 3);
        string run = Path.Combine(dir, "run");
        (int code, string text) = CliRunner.Run("submit", "--verb", "score", "--inputs", Path.Combine(dir, "inputs", "*.csv"), "--out", run, "--local", "--", "--model", fixture.ModelDir);
        Assert.True(code == 0, text);
        (code, text) = CliRunner.Run("collect", run);
        Assert.True(code == 0, text);

        var expected = new List<string>();
        foreach (string input in inputs)
        {
            string scores = Path.Combine(dir, Path.GetFileNameWithoutExtension(input) + "-scores.csv");
            Assert.Equal(0, CliRunner.Run("score", "--model", fixture.ModelDir, "--input", input, "--out", scores).ExitCode);
            expected.AddRange(File.ReadLines(scores).Skip(expected.Count == 0 ? 0 : 1));
        }

        Assert.Equal(expected, File.ReadLines(Path.Combine(run, "merged.csv")));
        Assert.Equal(600 + 700 + 800 + 1, expected.Count);
    }

    [Fact]
    public void Submit_refuses_what_cannot_run_as_shards_and_says_what_to_do()
    {
        ClusterRun.Inputs(dir, 2);
        string glob = Path.Combine(dir, "inputs", "*.csv");
        (int code, string text) = CliRunner.Run("submit", "--verb", "compress", "--inputs", glob, "--out", Path.Combine(dir, "a"), "--local", "--", "--model", fixture.ModelDir);
        Assert.Equal(1, code);
        Assert.Contains("--method quantize or float16", text, StringComparison.Ordinal);

        (code, text) = CliRunner.Run(["submit", "--verb", "compress", "--inputs", glob, "--out", Path.Combine(dir, "b"), "--local", "--", .. ClusterRun.Quantize, "--input", "x.csv"]);
        Assert.Equal(1, code);
        Assert.Contains("leave --input and --out out", text, StringComparison.Ordinal);

        (code, text) = CliRunner.Run("submit", "--verb", "compress", "--inputs", Path.Combine(dir, "none-*.csv"), "--out", Path.Combine(dir, "c"), "--local", "--", "--method", "float16");
        Assert.Equal(1, code);
        Assert.Contains("names no files", text, StringComparison.Ordinal);

        // A list that names a file that is not there fails before anything is planned, naming it and its line.
        string list = Path.Combine(dir, "list.txt");
        string absent = Path.Combine(dir, "inputs", "absent.csv");
        File.WriteAllLines(list, [Path.Combine(dir, "inputs", "jets-00.csv"), absent]);
        (code, text) = CliRunner.Run("submit", "--verb", "compress", "--inputs", list, "--out", Path.Combine(dir, "e"), "--local", "--", "--method", "float16");
        Assert.Equal(1, code);
        Assert.Contains($"{list}:2: input {absent} does not exist", text, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(dir, "e")));

        // A folder that holds a run is never planned over (its quantiser and manifest stay).
        string taken = Path.Combine(dir, "d");
        Assert.Equal(0, CliRunner.Run("submit", "--verb", "compress", "--inputs", glob, "--out", taken, "--local", "--", "--method", "float16").ExitCode);
        byte[] manifest = File.ReadAllBytes(Path.Combine(taken, "manifest.json"));
        (code, text) = CliRunner.Run("submit", "--verb", "compress", "--inputs", glob, "--out", taken, "--local", "--", "--method", "float16");
        Assert.Equal(1, code);
        Assert.Contains("already holds a run", text, StringComparison.Ordinal);
        Assert.Equal(manifest, File.ReadAllBytes(Path.Combine(taken, "manifest.json")));
    }
}
