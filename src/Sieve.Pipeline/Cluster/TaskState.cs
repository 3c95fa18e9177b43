namespace Sieve.Pipeline.Cluster;

/// <summary>Where a task stands when collect looks.</summary>
public enum TaskState
{
    /// <summary>Its outputs exist and verify.</summary>
    Passed,

    /// <summary>It failed, ended without a marker, or its outputs do not verify.</summary>
    Failed,

    /// <summary>Queued or running.</summary>
    Running,
}
