namespace Sieve.Core.Metrics;

/// <summary>Fidelity of one feature: statistics of reco - true, and of (reco - true) / true for energy-like features.</summary>
/// <param name="Name">Feature name.</param>
/// <param name="Kind">How the residual was formed.</param>
/// <param name="Residual">Statistics of reco - true over all rows (phi wrapped into (-pi, pi]), table units.</param>
/// <param name="RelativeResidual">Statistics of (reco - true) / true over the selected rows; null unless <see cref="VariableKind.EnergyLike"/>.</param>
/// <param name="RelativeSelection">The selection of the relative residual, e.g. "m &gt; 1 GeV"; null unless energy-like.</param>
/// <param name="RelativeMinimum">The minimum |true| of that selection in table units; null unless energy-like.</param>
/// <param name="RelativeSelectedRows">Rows that passed the selection; null unless energy-like.</param>
public sealed record VariableFidelity(
    string Name,
    VariableKind Kind,
    SummaryStatistics Residual,
    SummaryStatistics? RelativeResidual = null,
    string? RelativeSelection = null,
    double? RelativeMinimum = null,
    int? RelativeSelectedRows = null);
