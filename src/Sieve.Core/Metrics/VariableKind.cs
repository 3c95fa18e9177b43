namespace Sieve.Core.Metrics;

/// <summary>How a feature's residual is formed and summarised.</summary>
public enum VariableKind
{
    /// <summary>Anything else (eta, scores, plain columns): residual reco - true.</summary>
    Plain,

    /// <summary>Energy, pT, mass: residual and relative residual (reco - true) / true.</summary>
    EnergyLike,

    /// <summary>Azimuth phi: residual reco - true wrapped into (-pi, pi].</summary>
    Angle,
}
