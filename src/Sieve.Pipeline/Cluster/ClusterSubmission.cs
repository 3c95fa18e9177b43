namespace Sieve.Pipeline.Cluster;

/// <summary>
/// submit: plans the run (<see cref="ClusterPlanner"/>), writes its manifest and sbatch script, and
/// starts every task: through `sbatch --parsable` (the job id is recorded in the manifest), or with
/// --local on this machine from the same manifest (returning when they have ended).
/// </summary>
public static class ClusterSubmission
{
    /// <summary>Plans, writes and starts the run; returns the manifest as saved (with its first submission).</summary>
    /// <param name="request">What to run.</param>
    /// <param name="runVerb">Runs a verb in this process (the quantiser fit before the tasks).</param>
    /// <param name="launcher">Default: this machine for --local, else Slurm.</param>
    /// <param name="workingDirectory">Folder relative paths are read from; default the current one.</param>
    public static ClusterManifest Submit(SubmitRequest request, VerbRunner runVerb, ITaskLauncher? launcher = null, string? workingDirectory = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        ClusterManifest manifest = ClusterPlanner.Plan(request, runVerb, workingDirectory);
        return Start(manifest, launcher ?? (request.Local ? new LocalLauncher() : new SlurmLauncher()));
    }

    /// <summary>Writes a planned run's manifest and sbatch script and starts every task with <paramref name="launcher"/>; returns the manifest as saved.</summary>
    public static ClusterManifest Start(ClusterManifest manifest, ITaskLauncher launcher)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(launcher);
        ClusterPaths paths = ClusterPaths.Of(Path.GetDirectoryName(manifest.Output)!);
        manifest.Save(paths.Directory);
        IO.AtomicFile.WriteAllText(paths.Script, SbatchScript.Text(manifest, paths));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(paths.Script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        }

        ClusterAttempt attempt = launcher.Launch(manifest, [.. manifest.Tasks.Select(t => t.Index)]);
        manifest = manifest with { Attempts = [attempt] };
        manifest.Save(paths.Directory);
        return manifest;
    }
}
