namespace Sieve.Core.Metrics;

/// <summary>
/// Classifies feature names into <see cref="VariableKind"/>s (case-insensitive).
/// <list type="bullet">
/// <item>A trailing all-digit token (<c>pt_0</c>, <c>phi.3</c>) is ignored: it is a slot index.</item>
/// <item>Names ending in <c>phi</c> (<c>phi</c>, <c>METphi</c>, <c>j1_phi</c>) are <see cref="VariableKind.Angle"/>.</item>
/// <item>Names whose last token (split at <c>_ . : space</c>) is <c>e</c>, <c>energy</c>, <c>pt</c>,
/// <c>m</c> or <c>mass</c> (<c>pt</c>, <c>j1_pt</c>, <c>jet.E</c>) are <see cref="VariableKind.EnergyLike"/>.</item>
/// <item>Everything else (eta, MET, ...) is <see cref="VariableKind.Plain"/>.</item>
/// </list>
/// </summary>
public static class VariableRoles
{
    private static readonly char[] Separators = ['_', '.', ':', ' '];

    /// <summary>The kind of the feature called <paramref name="featureName"/>.</summary>
    public static VariableKind Classify(string featureName)
    {
        string core = StripIndex(featureName);
        if (core.EndsWith("phi", StringComparison.OrdinalIgnoreCase))
        {
            return VariableKind.Angle;
        }

        return LastToken(core).ToUpperInvariant() switch
        {
            "E" or "ENERGY" or "PT" or "M" or "MASS" => VariableKind.EnergyLike,
            _ => VariableKind.Plain,
        };
    }

    /// <summary>Whether the feature is a mass (last token <c>m</c> or <c>mass</c>); masses get a default minimum for relative residuals.</summary>
    public static bool IsMass(string featureName)
    {
        string token = LastToken(StripIndex(featureName));
        return token.Equals("m", StringComparison.OrdinalIgnoreCase) || token.Equals("mass", StringComparison.OrdinalIgnoreCase);
    }

    private static string StripIndex(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        string trimmed = name.Trim();
        int cut = trimmed.LastIndexOfAny(Separators);
        if (cut > 0 && cut < trimmed.Length - 1 && trimmed.AsSpan(cut + 1).ContainsAnyExceptInRange('0', '9') == false)
        {
            return trimmed[..cut];
        }

        return trimmed;
    }

    private static string LastToken(string name)
    {
        int cut = name.LastIndexOfAny(Separators);
        return cut < 0 ? name : name[(cut + 1)..];
    }
}
