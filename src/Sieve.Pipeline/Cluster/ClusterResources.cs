namespace Sieve.Pipeline.Cluster;

/// <summary>What every task of a job array asks the batch system for; null leaves a value to the site's defaults.</summary>
/// <param name="Partition">Slurm partition (`--partition`).</param>
/// <param name="Account">Account charged (`--account`).</param>
/// <param name="Time">Wall-time limit per task, HH:MM:SS (`--time`).</param>
/// <param name="Cpus">Cores per task (`--cpus-per-task`; also the verb's --threads). Default 1.</param>
/// <param name="Memory">Memory per task as Slurm writes it, e.g. 4G (`--mem`).</param>
public sealed record ClusterResources(string? Partition = null, string? Account = null, string? Time = null, int Cpus = 1, string? Memory = null)
{
    /// <summary>Throws <see cref="ArgumentException"/> for a value Slurm would refuse or misread.</summary>
    public void Validate()
    {
        if (Cpus < 1)
        {
            throw new ArgumentException($"--cpus {Cpus}: a task needs at least 1 core.");
        }

        if (Time is not null && !System.Text.RegularExpressions.Regex.IsMatch(Time, @"^(\d+-)?\d{1,3}(:\d{2}){0,2}$"))
        {
            throw new ArgumentException($"--time '{Time}' is not a Slurm time limit such as 01:30:00 or 2-00:00:00.");
        }

        foreach ((string name, string? value) in new[] { ("--partition", Partition), ("--account", Account), ("--mem", Memory) })
        {
            if (value is not null && (value.Length == 0 || value.Any(c => char.IsWhiteSpace(c) || c is '\'' or '"' or '\\' or '$' or '`')))
            {
                throw new ArgumentException($"{name} '{value}' must be one word without quotes, spaces or '$'.");
            }
        }
    }
}
