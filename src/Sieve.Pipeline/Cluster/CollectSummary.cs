using System.Text.Json;
using Sieve.Core.Serialization;
using Sieve.IO;

namespace Sieve.Pipeline.Cluster;

/// <summary>What collect found and did (summary.json; `sieve collect --json` prints it).</summary>
/// <param name="Directory">The run's folder.</param>
/// <param name="Verb">The verb the tasks ran.</param>
/// <param name="State">Merged, failed, still running or resubmitted.</param>
/// <param name="Tasks">Every task.</param>
/// <param name="Output">The merged output when <see cref="CollectState.Merged"/>; null otherwise.</param>
/// <param name="Rows">Rows of the merged output (archive rows, or scores rows).</param>
/// <param name="OutputBytes">Its size.</param>
/// <param name="OutputSha256">Its SHA-256.</param>
/// <param name="Resubmissions">Submissions of failed tasks made by this and earlier collects.</param>
/// <param name="Seconds">How long collect ran.</param>
public sealed record CollectSummary(string Directory, ClusterVerb Verb, CollectState State, IReadOnlyList<TaskReport> Tasks, string? Output,
    long Rows, long OutputBytes, string? OutputSha256, int Resubmissions, double Seconds)
{
    /// <summary>Tasks that passed.</summary>
    public int Passed => Tasks.Count(t => t.State == TaskState.Passed);

    /// <summary>Tasks that failed.</summary>
    public int Failed => Tasks.Count(t => t.State == TaskState.Failed);

    /// <summary>Tasks still queued or running.</summary>
    public int Running => Tasks.Count(t => t.State == TaskState.Running);

    /// <summary>The summary as JSON.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, SieveJson.Options);

    /// <summary>Writes summary.json into the run's folder, atomically.</summary>
    public void Save() => AtomicFile.WriteAllText(ClusterPaths.Of(Directory).Summary, ToJson());
}
