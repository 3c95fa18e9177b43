namespace Sieve.Pipeline.Cluster;

/// <summary>One input file of a cluster run, as it was when the run was planned.</summary>
/// <param name="Path">Full path.</param>
/// <param name="Sha256">SHA-256 of its bytes (lower-case hex); a task refuses an input that has changed since.</param>
/// <param name="Bytes">Its size.</param>
/// <param name="Rows">Rows a scores file of it must have (data lines of a text input: events of a DarkMachines file, rows of a CSV table); null for binary formats.</param>
public sealed record ClusterInput(string Path, string Sha256, long Bytes, long? Rows);
