namespace Sieve.Core.Metrics.Generation;

/// <summary>A generated sample measured against a reference (compare.json).</summary>
/// <param name="Reference">Reference file.</param>
/// <param name="Generated">Generated file.</param>
/// <param name="ReferenceRows">Rows of the reference.</param>
/// <param name="GeneratedRows">Rows of the generated sample.</param>
/// <param name="W1">W1 per compared feature, with its bootstrap mean ± std.</param>
/// <param name="DerivedW1">W1 of physics quantities computed from the features (jet mass from E, pt, eta; E from m, pt, eta), where the features allow.</param>
/// <param name="Fpd">FPD over all compared features.</param>
/// <param name="Bootstrap">The W1 bootstrap's settings.</param>
/// <param name="FpdSettings">The FPD's settings.</param>
public sealed record GenerationComparison(string Reference, string Generated, int ReferenceRows, int GeneratedRows, IReadOnlyList<W1Estimate> W1,
    IReadOnlyList<W1Estimate> DerivedW1, FpdResult Fpd, BootstrapOptions Bootstrap, FpdOptions FpdSettings);
