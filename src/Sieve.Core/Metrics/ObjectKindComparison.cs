namespace Sieve.Core.Metrics;

/// <summary>What <see cref="ObjectKindFidelity.Evaluate"/> found: per kind, and over all kinds together.</summary>
/// <param name="Kinds">Statistics per object kind.</param>
/// <param name="Residuals">The residuals behind them, for plots.</param>
/// <param name="Overall">Statistics of every matched object of every kind together.</param>
/// <param name="OverallResiduals">Their residuals, for plots.</param>
/// <param name="PairedObjects">Objects compared (matched pairs).</param>
/// <param name="Notes">Where quantiles and histograms come from a sample rather than every residual.</param>
public sealed record ObjectKindComparison(IReadOnlyList<KindFidelity> Kinds, IReadOnlyList<KindResiduals> Residuals,
    IReadOnlyList<VariableFidelity> Overall, IReadOnlyList<VariableResiduals> OverallResiduals, int PairedObjects, IReadOnlyList<string> Notes);
