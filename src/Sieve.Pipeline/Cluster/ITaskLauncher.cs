namespace Sieve.Pipeline.Cluster;

/// <summary>Starts tasks of a run and says which are still queued or running: Slurm, or this machine.</summary>
public interface ITaskLauncher
{
    /// <summary>Starts tasks <paramref name="indices"/>; returns the submission (its job id). A local launcher returns when they have ended.</summary>
    ClusterAttempt Launch(ClusterManifest manifest, IReadOnlyList<int> indices);

    /// <summary>Indices of tasks still queued or running.</summary>
    IReadOnlySet<int> Active(ClusterManifest manifest);
}
