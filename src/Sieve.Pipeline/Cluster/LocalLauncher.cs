using System.Globalization;

namespace Sieve.Pipeline.Cluster;

/// <summary>
/// Tasks on this machine, from the same manifest and with the same `sieve task` command as an array
/// task: as many at once as the cores allow (cores / --cpus), each a process of its own with its log
/// in logs/localN_INDEX.out. Launch returns when all have ended.
/// </summary>
/// <param name="cores">Cores to use; default all.</param>
public sealed class LocalLauncher(int? cores = null) : ITaskLauncher
{
    /// <inheritdoc/>
    public ClusterAttempt Launch(ClusterManifest manifest, IReadOnlyList<int> indices)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(indices);
        ClusterPaths paths = ClusterPaths.Of(Path.GetDirectoryName(manifest.Output)!);
        string jobId = string.Create(CultureInfo.InvariantCulture, $"local{manifest.Attempts.Count(a => a.JobId.StartsWith("local", StringComparison.Ordinal)) + 1}");
        var attempt = new ClusterAttempt(jobId, [.. indices], DateTimeOffset.UtcNow);
        int parallel = Math.Max(1, (cores ?? Environment.ProcessorCount) / manifest.Resources.Cpus);
        Parallel.ForEach(indices, new ParallelOptions { MaxDegreeOfParallelism = parallel }, index =>
        {
            string[] args = [.. manifest.Executable.Skip(1), "task", paths.Directory, "--index", index.ToString(CultureInfo.InvariantCulture), "--job", jobId];
            ExternalCommand.Run(manifest.Executable[0], args, manifest.WorkingDirectory, logPath: paths.Log(jobId, index));
        });
        return attempt;
    }

    /// <inheritdoc/>
    public IReadOnlySet<int> Active(ClusterManifest manifest) => new HashSet<int>();
}
