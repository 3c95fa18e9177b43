namespace Sieve.Core.Metrics;

/// <summary>What <see cref="FidelityEvaluator.Evaluate"/> returns: the report and the residual values behind it.</summary>
/// <param name="Report">The serialisable report.</param>
/// <param name="Residuals">Residual values per feature, in table order, for plotting.</param>
public sealed record FidelityEvaluation(FidelityReport Report, IReadOnlyList<VariableResiduals> Residuals);
