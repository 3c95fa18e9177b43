namespace Sieve.Pipeline.Cluster;

/// <summary>
/// Runs one task of a run (what an array task or a local process does): reads its entry of the
/// manifest, refuses a tool other than the one that planned it and inputs or a shared quantiser
/// whose SHA-256 changed,
/// runs each step's exact command in turn, and leaves a done marker with the outcome and the
/// outputs' SHA-256 (passed or failed). The same task run again writes the same outputs.
/// </summary>
public static class TaskRunner
{
    /// <summary>Runs task <paramref name="index"/> of the run in <paramref name="directory"/> as part of submission <paramref name="jobId"/>; returns its marker (also saved).</summary>
    /// <exception cref="ArgumentException">No such task.</exception>
    public static TaskMarker Run(string directory, int index, string jobId, VerbRunner runVerb)
    {
        ArgumentNullException.ThrowIfNull(runVerb);
        ClusterPaths paths = ClusterPaths.Of(directory);
        ClusterManifest manifest = ClusterManifest.Load(directory);
        if (index < 0 || index >= manifest.Tasks.Count)
        {
            throw new ArgumentException($"--index {index}: the run in {paths.Directory} has tasks 0 to {manifest.Tasks.Count - 1}.");
        }

        File.Delete(paths.Marker(index));
        DateTimeOffset started = DateTimeOffset.UtcNow;
        ClusterTask task = manifest.Tasks[index];
        var outputs = new List<TaskOutput>();
        (int code, string? reason) = (0, null);
        if (manifest.Tool != ToolInfo.Name)
        {
            (code, reason) = (1, $"the run was planned by {manifest.Tool} and this is {ToolInfo.Name}; submit it again with this sieve.");
        }

        else if (manifest.StepsFrom is { } steps && (!File.Exists(steps) || FileFingerprint.Hash(steps).Sha256 != manifest.StepsSha256))
        {
            (code, reason) = (1, $"the shared quantiser {steps} is missing or changed since submit (SHA-256 differs from the manifest's); submit the run again.");
        }

        foreach (ClusterStep step in task.Steps)
        {
            if (code != 0)
            {
                break;
            }

            ClusterInput input = manifest.Inputs[step.Input];
            if (!File.Exists(input.Path))
            {
                (code, reason) = (1, $"input {input.Path} does not exist (any more).");
                break;
            }

            if (FileFingerprint.Hash(input.Path).Sha256 != input.Sha256)
            {
                (code, reason) = (1, $"input {input.Path} changed since submit (SHA-256 differs from the manifest's); submit the run again.");
                break;
            }

            VerbResult result = runVerb(step.Args);
            if (result.ExitCode != 0)
            {
                (code, reason) = (result.ExitCode, $"input {input.Path}: {result.Reason}");
                break;
            }

            (string sha, long bytes) = FileFingerprint.Output(step.Output);
            outputs.Add(new TaskOutput(step.Output, sha, bytes));
        }

        var marker = new TaskMarker(index, jobId, Environment.MachineName, ToolInfo.Name, started, DateTimeOffset.UtcNow, code, reason, outputs);
        marker.Save(paths.Marker(index));
        return marker;
    }
}
