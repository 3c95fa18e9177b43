using System.Diagnostics;

namespace Sieve.Pipeline.Cluster;

/// <summary>
/// collect: looks at every task (waiting for the queue with <c>wait</c>), resubmits failed tasks while
/// they have retries left (recorded in the manifest), and once every task passed merges the parts in
/// input order into the run's merged output: archives by concatenating their chunks
/// (<see cref="Sieve.Compression.Archive.ArchiveConcat"/>), scores by joining rows, a scan's
/// trainings into its table and plot (<see cref="ScanReport"/>). Nothing appears
/// under the merged name unless every task passed.
/// </summary>
public static class ClusterCollector
{
    /// <summary>Collects the run in <paramref name="directory"/>.</summary>
    /// <param name="directory">The run's folder.</param>
    /// <param name="launcher">Where retries go; default: the run's own (this machine for --local runs, else Slurm).</param>
    /// <param name="wait">Wait until no task is queued or running.</param>
    /// <param name="timeout">Stop waiting after this long (the summary then says what still runs).</param>
    /// <param name="poll">Time between looks at the queue (default 5 s).</param>
    /// <param name="progress">Receives each look's task states.</param>
    public static CollectSummary Collect(string directory, ITaskLauncher? launcher = null, bool wait = false, TimeSpan? timeout = null,
        TimeSpan? poll = null, IProgress<IReadOnlyList<TaskReport>>? progress = null)
    {
        var clock = Stopwatch.StartNew();
        ClusterPaths paths = ClusterPaths.Of(directory);
        ClusterManifest manifest = ClusterManifest.Load(directory);
        launcher ??= manifest.Local ? new LocalLauncher() : new SlurmLauncher();
        while (true)
        {
            IReadOnlySet<int> active = launcher.Active(manifest);
            var statuses = manifest.Tasks.Select(t => TaskCheck.Check(manifest, t.Index, active.Contains(t.Index))).ToList();
            progress?.Report(statuses);
            if (statuses.Any(s => s.State == TaskState.Running))
            {
                if (wait && (timeout is null || clock.Elapsed < timeout))
                {
                    Thread.Sleep(poll ?? TimeSpan.FromSeconds(5));
                    continue;
                }

                return Finish(CollectState.Running, statuses, null);
            }

            var retry = statuses.Where(s => s.State == TaskState.Failed && s.Attempts <= manifest.MaxRetries).Select(s => s.Index).ToList();
            if (retry.Count > 0)
            {
                ClusterAttempt attempt = launcher.Launch(manifest, retry);
                manifest = manifest with { Attempts = [.. manifest.Attempts, attempt] };
                manifest.Save(paths.Directory);
                if (!wait && !manifest.Local)
                {
                    var resubmitted = statuses.Select(s => retry.Contains(s.Index) ? s with { State = TaskState.Running, Attempts = s.Attempts + 1 } : s).ToList();
                    return Finish(CollectState.Resubmitted, resubmitted, null);
                }

                continue;
            }

            if (statuses.Any(s => s.State == TaskState.Failed))
            {
                return Finish(CollectState.Failed, statuses, null);
            }

            return Finish(CollectState.Merged, statuses, Merge(manifest));
        }

        CollectSummary Finish(CollectState state, IReadOnlyList<TaskReport> statuses, (long Rows, string Path)? merged)
        {
            (string? sha, long bytes) = merged is { } m ? FileFingerprint.Hash(m.Path) : (null, 0);
            int resubmissions = manifest.Attempts.Count - 1;
            var summary = new CollectSummary(paths.Directory, manifest.Verb, state, statuses, merged?.Path, merged?.Rows ?? 0, bytes, sha,
                Math.Max(0, resubmissions), clock.Elapsed.TotalSeconds);
            summary.Save();
            return summary;
        }
    }

    /// <summary>Merges the parts of a run whose tasks all passed into its merged output, in input order; returns its rows and path.</summary>
    public static (long Rows, string Path) Merge(ClusterManifest manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        if (manifest.Verb == ClusterVerb.Train)
        {
            return (ScanReport.Write(manifest).Points.Count, manifest.Output);
        }

        string[] parts = [.. manifest.Tasks.SelectMany(t => t.Steps).OrderBy(s => s.Input).Select(s => s.Output)];
        long rows = manifest.Verb == ClusterVerb.Compress
            ? Sieve.Compression.Archive.ArchiveConcat.Concat(parts, manifest.Output)
            : ScoresMerge.Merge(parts, manifest.Output);
        return (rows, manifest.Output);
    }
}
