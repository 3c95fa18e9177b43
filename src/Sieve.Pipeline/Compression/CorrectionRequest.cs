namespace Sieve.Pipeline;

/// <summary>What compress --method ae should guarantee with corrections on top of the decoder's output.</summary>
/// <param name="Targets">Per feature, e.g. pt=0.3%, eta=0.003.</param>
/// <param name="MaxError">Whether the targets are bounds on every value (else RMS targets).</param>
/// <param name="Kind">How corrections are quantised (uniform for bounds).</param>
public sealed record CorrectionRequest(IReadOnlyDictionary<string, string> Targets, bool MaxError, Quantiser Kind, Core.Metrics.VariableKinds? Kinds = null);
