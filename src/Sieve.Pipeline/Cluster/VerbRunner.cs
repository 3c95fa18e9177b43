namespace Sieve.Pipeline.Cluster;

/// <summary>Runs one `sieve` command line in this process (the CLI supplies it: the verbs live there) and returns its exit code and what it printed.</summary>
/// <param name="args">The verb and its options.</param>
public delegate VerbResult VerbRunner(IReadOnlyList<string> args);
