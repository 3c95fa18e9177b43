namespace Sieve.Core.Metrics;

/// <summary>The residuals behind a <see cref="KindFidelity"/>, for plots (not serialised).</summary>
/// <param name="Kind">Object code.</param>
/// <param name="Residuals">Per variable: relative residuals for E and pt, absolute for eta and phi.</param>
/// <param name="Absolute">Absolute residuals (GeV) of E and pt.</param>
public sealed record KindResiduals(string Kind, IReadOnlyDictionary<string, double[]> Residuals, IReadOnlyDictionary<string, double[]> Absolute)
{
    /// <summary>Objects each kept residual stands for: 1, or objects / kept once the residuals were sampled (histogram counts are scaled by it).</summary>
    public double SampleWeight { get; init; } = 1;
}
