namespace Sieve.Pipeline.Cluster;

/// <summary>One run of a verb inside a task: one input file to one output file.</summary>
/// <param name="Input">Index of the input in the manifest's input list (input order is merge order).</param>
/// <param name="Args">The exact `sieve` arguments (verb first) the task runs.</param>
/// <param name="Command">The same as one shell line, with the executable: what to paste to rerun it by hand.</param>
/// <param name="Output">The file the step writes (full path); for a training, the model directory.</param>
/// <param name="Value">For a scan's training: the scanned parameter's value; null otherwise.</param>
/// <param name="Seed">For a scan's training: its seed; null otherwise.</param>
public sealed record ClusterStep(int Input, IReadOnlyList<string> Args, string Command, string Output, int? Value = null, int? Seed = null);
