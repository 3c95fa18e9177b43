namespace Sieve.Pipeline.Cluster;

/// <summary>One submission of a set of tasks: the first, or a retry of those that failed.</summary>
/// <param name="JobId">The batch system's job id (`sbatch --parsable`), or "local" for a run on this machine.</param>
/// <param name="Tasks">Array indices it ran.</param>
/// <param name="SubmittedUtc">When it was submitted.</param>
public sealed record ClusterAttempt(string JobId, IReadOnlyList<int> Tasks, DateTimeOffset SubmittedUtc);
