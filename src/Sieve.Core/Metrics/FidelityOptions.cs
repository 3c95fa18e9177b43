namespace Sieve.Core.Metrics;

/// <summary>Options of <see cref="FidelityEvaluator"/>. Immutable; defaults documented per property.</summary>
public sealed record FidelityOptions
{
    /// <summary>The defaults: GeV tables, masses above 1 GeV, E and pT above 0.</summary>
    public static FidelityOptions Default { get; } = new();

    /// <summary>
    /// Factor that turns the table's energy unit into GeV: 1.0 for GeV tables (default),
    /// 0.001 for MeV tables. Used for the default mass minimum and for selection texts.
    /// </summary>
    public double EnergyScaleToGeV { get; init; } = 1.0;

    /// <summary>
    /// Per-feature minimum of |true| (in the table's units) for rows to enter the relative residual
    /// of an energy-like feature; names match case-insensitively. Features not listed use
    /// <see cref="DefaultMassMinimumGeV"/> (masses) or 0 (E, pT). Default: empty.
    /// </summary>
    public IReadOnlyDictionary<string, double> RelativeMinimum { get; init; } = new Dictionary<string, double>();

    /// <summary>Default minimum true mass for relative mass residuals, in GeV (default 1 GeV).</summary>
    public double DefaultMassMinimumGeV { get; init; } = 1.0;

    /// <summary>The minimum |true| (table units) used for the relative residual of <paramref name="featureName"/>.</summary>
    public double RelativeMinimumFor(string featureName)
    {
        ArgumentNullException.ThrowIfNull(featureName);
        foreach (KeyValuePair<string, double> entry in RelativeMinimum)
        {
            if (string.Equals(entry.Key, featureName, StringComparison.OrdinalIgnoreCase))
            {
                return entry.Value;
            }
        }

        return Kinds.IsMass(featureName) ? DefaultMassMinimumGeV / EnergyScaleToGeV : 0.0;
    }

    /// <summary>How each variable's residual is formed: declared kinds, then name patterns (default: patterns only).</summary>
    public VariableKinds Kinds { get; init; } = VariableKinds.Patterns;

    /// <summary>
    /// Value that marks a missing cell in the original (HiggsML: -999); such cells are left out of
    /// the statistics. Null: every cell counts.
    /// </summary>
    public double? MissingMarker { get; init; }
}
