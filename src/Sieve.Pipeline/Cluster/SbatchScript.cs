using System.Globalization;
using System.Text;

namespace Sieve.Pipeline.Cluster;

/// <summary>
/// The sbatch job-array script of a run: one array task per manifest task, the resources asked for,
/// a log per task (logs/%A_%a.out), and a body that runs `sieve task` on the task's line of the
/// manifest ($SLURM_ARRAY_TASK_ID). Retries submit the same script with `--array=` the failed indices.
/// </summary>
public static class SbatchScript
{
    /// <summary>The script's text.</summary>
    public static string Text(ClusterManifest manifest, ClusterPaths paths)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(paths);
        ClusterResources r = manifest.Resources;
        var text = new StringBuilder();
        void Line(string line) => text.Append(line).Append('\n');
        Line("#!/bin/bash");
        Line(string.Create(CultureInfo.InvariantCulture, $"# Written by {manifest.Tool} submit: {manifest.Tasks.Count} tasks of `sieve {Verb(manifest.Verb)}` over {manifest.Inputs.Count} inputs."));
        Line("# Each array task runs the steps of its entry in manifest.json (the exact commands are recorded there)");
        Line("# and leaves done/$SLURM_ARRAY_TASK_ID.json; `sieve collect` checks, retries and merges.");
        Line($"#SBATCH --job-name=sieve-{Verb(manifest.Verb)}");
        Line(string.Create(CultureInfo.InvariantCulture, $"#SBATCH --array=0-{manifest.Tasks.Count - 1}"));
        Line($"#SBATCH --output={paths.Logs}/%A_%a.out");
        Line($"#SBATCH --chdir={manifest.WorkingDirectory}");
        Line(string.Create(CultureInfo.InvariantCulture, $"#SBATCH --cpus-per-task={r.Cpus}"));
        Line("#SBATCH --ntasks=1");
        if (r.Partition is not null)
        {
            Line($"#SBATCH --partition={r.Partition}");
        }

        if (r.Account is not null)
        {
            Line($"#SBATCH --account={r.Account}");
        }

        if (r.Time is not null)
        {
            Line($"#SBATCH --time={r.Time}");
        }

        if (r.Memory is not null)
        {
            Line($"#SBATCH --mem={r.Memory}");
        }

        Line("set -u");
        Line("echo \"sieve task ${SLURM_ARRAY_TASK_ID} of job ${SLURM_ARRAY_JOB_ID} on $(hostname) at $(date -u +%FT%TZ)\"");
        Line($"exec {ShellQuote.Line(manifest.Executable)} task {ShellQuote.Word(paths.Directory)} --index \"$SLURM_ARRAY_TASK_ID\" --job \"$SLURM_ARRAY_JOB_ID\"");
        return text.ToString();
    }

    /// <summary>The verb as typed.</summary>
    public static string Verb(ClusterVerb verb) => verb switch { ClusterVerb.Compress => "compress", ClusterVerb.Score => "score", _ => "train" };
}
