namespace Sieve.Core.Normalisation;

/// <summary>Recognises physics variables by their conventional names.</summary>
public static class FeatureRoles
{
    /// <summary>An azimuth (phi, METphi, ...): periodic, wrapped into (-pi, pi].</summary>
    public static bool IsAzimuth(string name) =>
        name.Equals("phi", StringComparison.OrdinalIgnoreCase) || name.EndsWith("phi", StringComparison.OrdinalIgnoreCase);
}
