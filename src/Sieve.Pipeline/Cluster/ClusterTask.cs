namespace Sieve.Pipeline.Cluster;

/// <summary>One array task: a shard of the inputs, each input run through the verb in turn.</summary>
/// <param name="Index">The array index (`$SLURM_ARRAY_TASK_ID`).</param>
/// <param name="Steps">What it runs, in input order.</param>
public sealed record ClusterTask(int Index, IReadOnlyList<ClusterStep> Steps);
