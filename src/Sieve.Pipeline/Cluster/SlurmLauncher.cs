using System.Globalization;

namespace Sieve.Pipeline.Cluster;

/// <summary>Tasks through Slurm: `sbatch --parsable` of the run's script (with `--array=` the indices), `squeue` for what is still queued or running.</summary>
public sealed class SlurmLauncher : ITaskLauncher
{
    /// <summary>Whether a Slurm controller answers here and has a node that can run jobs (idle, mixed or allocated); the reason when not.</summary>
    public static (bool Up, string Reason) Probe()
    {
        (int code, string output, string error) = ExternalCommand.Run("sinfo", ["-h", "-o", "%t"], timeout: TimeSpan.FromSeconds(20));
        if (code != 0)
        {
            return (false, code == -1 && error.Contains("No such file", StringComparison.Ordinal) ? "sinfo is not installed" : $"sinfo failed: {error.Trim()}");
        }

        string[] states = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return states.Any(s => s.TrimEnd('*') is "idle" or "mix" or "alloc" or "mixed" or "allocated")
            ? (true, "")
            : (false, $"no node is up (sinfo: {string.Join(", ", states.DefaultIfEmpty("no nodes"))})");
    }

    /// <inheritdoc/>
    public ClusterAttempt Launch(ClusterManifest manifest, IReadOnlyList<int> indices)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(indices);
        ClusterPaths paths = ClusterPaths.Of(Path.GetDirectoryName(manifest.Output)!);
        string array = string.Join(',', indices.Select(i => i.ToString(CultureInfo.InvariantCulture)));
        (int code, string output, string error) = ExternalCommand.Run("sbatch", ["--parsable", $"--array={array}", paths.Script],
            manifest.WorkingDirectory, TimeSpan.FromMinutes(2));
        if (code != 0)
        {
            throw new IOException($"sbatch {paths.Script} failed (exit {code}): {(error + output).Trim()}");
        }

        // --parsable prints "jobid" or "jobid;cluster".
        string jobId = output.Trim().Split(';')[0];
        if (jobId.Length == 0 || !jobId.All(char.IsAsciiDigit))
        {
            throw new IOException($"sbatch printed '{output.Trim()}', not a job id.");
        }

        return new ClusterAttempt(jobId, [.. indices], DateTimeOffset.UtcNow);
    }

    /// <inheritdoc/>
    public IReadOnlySet<int> Active(ClusterManifest manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        var active = new HashSet<int>();
        var latest = manifest.Tasks.ToDictionary(t => t.Index, t => manifest.LatestAttempt(t.Index)?.JobId);
        string[] jobs = [.. latest.Values.OfType<string>().Distinct()];
        if (jobs.Length == 0)
        {
            return active;
        }

        // -r: one line per array task, "JOBID_INDEX"; jobs that have left the queue are not listed.
        (int code, string output, string error) = ExternalCommand.Run("squeue", ["-h", "-r", "-o", "%i", "-j", string.Join(',', jobs)], timeout: TimeSpan.FromSeconds(30));
        if (code != 0)
        {
            if (error.Contains("Invalid job id", StringComparison.OrdinalIgnoreCase))
            {
                return active;
            }

            throw new IOException($"squeue failed (exit {code}): {error.Trim()}");
        }

        foreach (string line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            string[] parts = line.Split('_');
            if (parts.Length == 2 && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int index) && latest.GetValueOrDefault(index) == parts[0])
            {
                active.Add(index);
            }
            else if (parts.Length == 2 && parts[1].StartsWith('['))
            {
                // Pending tasks not yet split out: "JOBID_[1-3,5]".
                foreach (int i in ParseRanges(parts[1].Trim('[', ']').Split('%')[0]))
                {
                    if (latest.GetValueOrDefault(i) == parts[0])
                    {
                        active.Add(i);
                    }
                }
            }
        }

        return active;
    }

    private static IEnumerable<int> ParseRanges(string text)
    {
        foreach (string range in text.Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            string[] ends = range.Split('-');
            int first = int.Parse(ends[0], CultureInfo.InvariantCulture), last = int.Parse(ends[^1], CultureInfo.InvariantCulture);
            for (int i = first; i <= last; i++)
            {
                yield return i;
            }
        }
    }
}
