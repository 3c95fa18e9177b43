using System.Text.Json.Nodes;
using Sieve.Pipeline.Cluster;

namespace Sieve.Cli.Tests;

/// <summary>What a task refuses (a changed input, another tool) and what collect says about tasks still in the queue.</summary>
public sealed class ClusterGuardTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("sieve-guard-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    private string Submit(int inputs)
    {
        ClusterRun.Inputs(dir, inputs);
        string run = Path.Combine(dir, "run");
        (int code, string text) = CliRunner.Run("submit", "--verb", "compress", "--inputs", Path.Combine(dir, "inputs", "*.csv"), "--out", run, "--local", "--", "--method", "float16");
        Assert.True(code == 0, text);
        return run;
    }

    [Fact]
    public void A_task_refuses_an_input_changed_since_submit_and_a_manifest_planned_by_another_tool()
    {
        string run = Submit(2);
        ClusterManifest manifest = ClusterManifest.Load(run);
        File.AppendAllText(manifest.Inputs[1].Path, "99999,1,2,3,4\n");
        (int code, string text) = CliRunner.Run("task", run, "--index", "1", "--job", "later");
        Assert.Equal(1, code);
        Assert.Contains("changed since submit", text, StringComparison.Ordinal);
        Assert.False(TaskMarker.TryLoad(Path.Combine(run, "done", "1.json"))!.Passed);

        JsonNode json = JsonNode.Parse(File.ReadAllText(Path.Combine(run, "manifest.json")))!;
        json["tool"] = "sieve 0.0.1";
        File.WriteAllText(Path.Combine(run, "manifest.json"), json.ToJsonString());
        (code, text) = CliRunner.Run("task", run, "--index", "0", "--job", "later");
        Assert.Equal(1, code);
        Assert.Contains("planned by sieve 0.0.1", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_task_refuses_a_shared_quantiser_changed_since_submit()
    {
        ClusterRun.Inputs(dir, 2);
        string run = Path.Combine(dir, "run");
        (int code, string text) = CliRunner.Run(["submit", "--verb", "compress", "--inputs", Path.Combine(dir, "inputs", "*.csv"), "--out", run, "--local", "--", .. ClusterRun.Quantize]);
        Assert.True(code == 0, text);
        File.AppendAllText(Path.Combine(run, "steps.sieve"), "x");
        (code, text) = CliRunner.Run("task", run, "--index", "1", "--job", "later");
        Assert.Equal(1, code);
        Assert.Contains("shared quantiser", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Tasks_still_in_the_queue_are_reported_as_running_and_nothing_is_merged()
    {
        string run = Submit(3);
        foreach (string marker in Directory.GetFiles(Path.Combine(run, "done")))
        {
            File.Delete(marker);
        }

        CollectSummary summary = ClusterCollector.Collect(run, new QueuedLauncher());
        Assert.Equal(CollectState.Running, summary.State);
        Assert.Equal(3, summary.Running);
        Assert.False(File.Exists(Path.Combine(run, "merged.sieve")));

        // Without the queue's word, a task with no marker ended without one: a failure that is retried (here: run again locally).
        summary = ClusterCollector.Collect(run);
        Assert.Equal(CollectState.Merged, summary.State);
        Assert.Equal(2, ClusterManifest.Load(run).Attempts.Count);
    }

    private sealed class QueuedLauncher : ITaskLauncher
    {
        public ClusterAttempt Launch(ClusterManifest manifest, IReadOnlyList<int> indices) => throw new InvalidOperationException("nothing should be launched");

        public IReadOnlySet<int> Active(ClusterManifest manifest) => manifest.Tasks.Select(t => t.Index).ToHashSet();
    }
}
