namespace Sieve.Core.Metrics;

/// <summary>The residual values of one feature, for plots; not serialised.</summary>
/// <param name="Name">Feature name.</param>
/// <param name="Kind">How the residuals were formed.</param>
/// <param name="Residual">reco - true per row (phi wrapped), table units.</param>
/// <param name="RelativeResidual">(reco - true) / true over the selected rows; null unless energy-like.</param>
public sealed record VariableResiduals(string Name, VariableKind Kind, double[] Residual, double[]? RelativeResidual);
