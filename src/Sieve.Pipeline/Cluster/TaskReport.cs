namespace Sieve.Pipeline.Cluster;

/// <summary>One task as collect found it.</summary>
/// <param name="Index">Array index.</param>
/// <param name="State">Passed, failed or still running.</param>
/// <param name="Reason">Why it failed; null otherwise.</param>
/// <param name="Log">Its latest log.</param>
/// <param name="Attempts">How often it was submitted.</param>
/// <param name="Rows">Rows of its outputs (archive rows, or scores rows) when it passed.</param>
public sealed record TaskReport(int Index, TaskState State, string? Reason, string? Log, int Attempts, long Rows);
