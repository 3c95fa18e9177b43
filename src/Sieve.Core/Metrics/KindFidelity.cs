namespace Sieve.Core.Metrics;

/// <summary>Fidelity of one object kind: residual statistics per variable over its matched objects.</summary>
/// <param name="Kind">Object code (j, b, e-, ...).</param>
/// <param name="Objects">Objects of this kind compared.</param>
/// <param name="Unmatched">Objects of this kind present on one side only (e.g. dropped beyond a layout's slots).</param>
/// <param name="Variables">E and pt with relative residuals, eta and phi with absolute ones (phi wrapped).</param>
public sealed record KindFidelity(string Kind, int Objects, int Unmatched, IReadOnlyList<VariableFidelity> Variables);
