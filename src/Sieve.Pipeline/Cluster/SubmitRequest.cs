namespace Sieve.Pipeline.Cluster;

/// <summary>What `sieve submit` was asked.</summary>
/// <param name="Verb">The verb every task runs.</param>
/// <param name="VerbArgs">Its options (after --), without --input and --out: those come from the inputs.</param>
/// <param name="Inputs">A list file (one path a line) or a glob.</param>
/// <param name="Directory">The run's folder: manifest, script, logs, parts, merged output.</param>
/// <param name="FilesPerTask">Inputs per array task (default 1).</param>
/// <param name="Resources">What each task asks for.</param>
/// <param name="MaxRetries">How often collect resubmits a failed task (default 2).</param>
/// <param name="Local">Run the tasks on this machine, all cores, instead of through sbatch.</param>
public sealed record SubmitRequest(ClusterVerb Verb, IReadOnlyList<string> VerbArgs, string Inputs, string Directory,
    int FilesPerTask = 1, ClusterResources? Resources = null, int MaxRetries = 2, bool Local = false)
{
    /// <summary>Throws <see cref="ArgumentException"/> for values out of range.</summary>
    public void Validate()
    {
        if (FilesPerTask < 1)
        {
            throw new ArgumentException($"--files-per-task {FilesPerTask}: a task needs at least one input.");
        }

        if (MaxRetries is < 0 or > 100)
        {
            throw new ArgumentException($"--max-retries {MaxRetries} is outside 0 to 100.");
        }

        (Resources ?? new ClusterResources()).Validate();
    }
}
