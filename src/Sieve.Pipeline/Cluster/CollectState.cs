namespace Sieve.Pipeline.Cluster;

/// <summary>How a collect ended.</summary>
public enum CollectState
{
    /// <summary>Every task passed; the merged output is written.</summary>
    Merged,

    /// <summary>A task failed past its retries: nothing merged.</summary>
    Failed,

    /// <summary>Tasks are still queued or running (collect did not wait, or its --timeout passed).</summary>
    Running,

    /// <summary>Failed tasks were submitted again and collect did not wait for them.</summary>
    Resubmitted,
}
