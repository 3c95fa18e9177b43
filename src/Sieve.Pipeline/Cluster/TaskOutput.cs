namespace Sieve.Pipeline.Cluster;

/// <summary>One file a task wrote.</summary>
/// <param name="Path">Full path.</param>
/// <param name="Sha256">SHA-256 of its bytes (lower-case hex).</param>
/// <param name="Bytes">Its size.</param>
public sealed record TaskOutput(string Path, string Sha256, long Bytes);
