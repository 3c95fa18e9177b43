using Sieve.Core.Synthetic;
using Sieve.IO.Tables;
using Sieve.Pipeline.Cluster;

namespace Sieve.Cli.Tests;

/// <summary>
/// A job array through a real Slurm (the one-node cluster .ci/slurm/start.sh starts): submit with
/// sbatch, collect with --wait polling squeue, merge; the merged archive is the single-process one
/// byte for byte. Skips, saying why, where no Slurm node is up.
/// </summary>
public sealed class ClusterSlurmTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("sieve-slurm-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    [SkippableFact]
    public void A_job_array_of_four_tasks_merges_to_the_single_process_archive()
    {
        (bool up, string reason) = SlurmLauncher.Probe();
        Skip.IfNot(up, $"Slurm is not up here ({reason}); start it with .ci/slurm/start.sh.");

        string[] inputs = ClusterRun.Inputs(dir, 4);
        string list = Path.Combine(dir, "inputs.txt");
        File.WriteAllLines(list, ["# the test's inputs", .. inputs.Select(Path.GetFileName).Select(n => Path.Combine("inputs", n!))]);
        string run = Path.Combine(dir, "run");
        (int code, string text) = CliRunner.Run(["submit", "--verb", "compress", "--inputs", list, "--out", run, "--time", "00:10:00", "--cpus", "1", "--", .. ClusterRun.Quantize]);
        Assert.True(code == 0, text);
        Assert.Contains("submitted as job", text, StringComparison.Ordinal);
        string script = File.ReadAllText(Path.Combine(run, "job.sbatch"));
        Assert.Contains("#SBATCH --array=0-3", script, StringComparison.Ordinal);
        Assert.Contains($"#SBATCH --output={Path.Combine(run, "logs")}/%A_%a.out", script, StringComparison.Ordinal);
        Assert.Contains("#SBATCH --time=00:10:00", script, StringComparison.Ordinal);
        string job = ClusterManifest.Load(run).Attempts.Single().JobId;

        (code, text) = CliRunner.Run("collect", run, "--wait", "--timeout", "300", "--poll", "0.5");
        Assert.True(code == 0, text);
        Assert.True(File.Exists(Path.Combine(run, "logs", $"{job}_3.out")), "no log of task 3 from Slurm");
        Assert.Equal(job, TaskMarker.TryLoad(Path.Combine(run, "done", "3.json"))!.JobId);

        string reference = ClusterRun.SingleProcess(dir, inputs, Path.Combine(run, "steps.sieve"));
        Assert.Equal(File.ReadAllBytes(reference), File.ReadAllBytes(Path.Combine(run, "merged.sieve")));
    }

    [SkippableFact]
    public void A_failing_task_is_resubmitted_through_sbatch_and_reported_with_its_log_when_its_retries_run_out()
    {
        (bool up, string reason) = SlurmLauncher.Probe();
        Skip.IfNot(up, $"Slurm is not up here ({reason}); start it with .ci/slurm/start.sh.");

        string[] inputs = ClusterRun.Inputs(dir, 4);
        string[] lines = File.ReadAllLines(inputs[1]);
        lines[50] += ",surplus";
        File.WriteAllLines(inputs[1], lines);
        string run = Path.Combine(dir, "run");
        (int code, string text) = CliRunner.Run(["submit", "--verb", "compress", "--inputs", Path.Combine(dir, "inputs", "*.csv"), "--out", run, "--max-retries", "1", "--", .. ClusterRun.Quantize]);
        Assert.True(code == 0, text);

        (code, text) = CliRunner.Run("collect", run, "--wait", "--timeout", "300", "--poll", "0.5");
        Assert.Equal(1, code);
        ClusterManifest manifest = ClusterManifest.Load(run);
        Assert.Equal(2, manifest.Attempts.Count);
        Assert.Equal([1], manifest.Attempts[1].Tasks); // only the failed task went again
        string retryLog = Path.Combine(run, "logs", $"{manifest.Attempts[1].JobId}_1.out");
        Assert.Contains($"task 1 failed after 2 attempt(s): input {inputs[1]}: {inputs[1]}:51", text, StringComparison.Ordinal);
        Assert.Contains(retryLog, text, StringComparison.Ordinal);
        Assert.Contains("expected 5 fields", File.ReadAllText(retryLog), StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(run, "merged.sieve")));
    }

    [SkippableFact]
    public void A_task_killed_mid_way_by_scancel_is_retried_and_the_merged_archive_is_still_complete_and_identical()
    {
        (bool up, string reason) = SlurmLauncher.Probe();
        Skip.IfNot(up, $"Slurm is not up here ({reason}); start it with .ci/slurm/start.sh.");

        // Task 0 gets a table large enough to be still running when it is cancelled.
        string[] inputs = ClusterRun.Inputs(dir, 4);
        CsvTableWriter.Write(inputs[0], SyntheticJets.Generate(1_500_000, 40, 0));
        string run = Path.Combine(dir, "run");
        (int code, string text) = CliRunner.Run(["submit", "--verb", "compress", "--inputs", Path.Combine(dir, "inputs", "*.csv"), "--out", run,
            "--max-retries", "1", "--cpus", "1", "--time", "00:10:00", "--", .. ClusterRun.Quantize]);
        Assert.True(code == 0, text);
        string job = ClusterManifest.Load(run).Attempts.Single().JobId;

        // Wait until task 0 runs, give it a second to be well inside its work, then kill it.
        string state = string.Empty;
        for (int i = 0; i < 600 && state != "RUNNING"; i++)
        {
            state = ExternalCommand.Run("squeue", ["-h", "-j", $"{job}_0", "-o", "%T"]).Output.Trim();
            Thread.Sleep(100);
        }

        Assert.Equal("RUNNING", state);
        Thread.Sleep(1000);
        Assert.Equal(0, ExternalCommand.Run("scancel", [$"{job}_0"]).ExitCode);
        Skip.If(TaskMarker.TryLoad(Path.Combine(run, "done", "0.json"))?.JobId == job, "task 0 finished before scancel reached it; nothing was killed");

        (code, text) = CliRunner.Run("collect", run, "--wait", "--timeout", "600", "--poll", "0.5");
        Assert.True(code == 0, text);
        ClusterManifest manifest = ClusterManifest.Load(run);
        Assert.Equal(2, manifest.Attempts.Count);
        Assert.Equal([0], manifest.Attempts[1].Tasks); // only the killed task went again
        string reference = ClusterRun.SingleProcess(dir, inputs, Path.Combine(run, "steps.sieve"));
        Assert.Equal(File.ReadAllBytes(reference), File.ReadAllBytes(Path.Combine(run, "merged.sieve")));
    }

    [SkippableFact]
    public void A_latent_scan_trains_through_sbatch_and_collect_tabulates_it()
    {
        (bool up, string reason) = SlurmLauncher.Probe();
        Skip.IfNot(up, $"Slurm is not up here ({reason}); start it with .ci/slurm/start.sh.");

        string input = ClusterRun.Inputs(dir, 1)[0];
        string run = Path.Combine(dir, "scan");
        (int code, string text) = CliRunner.Run("scan", "--grid", "latent=2,3", "--input", input, "--out", run, "--slurm", "--time", "00:10:00",
            "--", "--columns", "m,pt,phi,eta", "--preset", "small", "--epochs", "2");
        Assert.True(code == 0, text);
        string job = ClusterManifest.Load(run).Attempts.Single().JobId;
        Assert.Contains($"submitted as job {job}: 2 trainings", text, StringComparison.Ordinal);

        (code, text) = CliRunner.Run("collect", run, "--wait", "--timeout", "300", "--poll", "0.5");
        Assert.True(code == 0, text);
        Assert.Contains("summarised 2 trainings", text, StringComparison.Ordinal);
        Assert.Equal(3, File.ReadAllLines(Path.Combine(run, "scan.csv")).Length);
        Assert.True(File.Exists(Path.Combine(run, "logs", $"{job}_1.out")), "no log of training 1 from Slurm");
    }
}
