namespace Sieve.Core.Metrics;

/// <summary>
/// Classifies feature names into <see cref="VariableKind"/>s by pattern (case-insensitive), so the
/// names physicists use get phi wrapping and relative residuals without being declared:
/// <list type="bullet">
/// <item>Names are split into tokens at <c>_ . : space</c> and at camel-case boundaries
/// (<c>phiMET</c> = phi, MET); a trailing all-digit token or digits glued to a token are slot or
/// object indices (<c>pt_0</c>, <c>pt1</c>, <c>eta12</c>).</item>
/// <item>Names that end or begin with <c>phi</c> (<c>phi</c>, <c>METphi</c>, <c>j1_phi</c>,
/// <c>phi1</c>, <c>phiMET</c>, <c>DER_deltaphi</c>) are <see cref="VariableKind.Angle"/>.</item>
/// <item>A token that makes a quantity dimensionless or angular (<c>eta</c>, <c>ratio</c>,
/// <c>centrality</c>, <c>frac</c>, <c>deltar</c>, <c>sig</c>) makes it <see cref="VariableKind.Plain"/>.</item>
/// <item>Otherwise a token <c>e energy pt m mass mt met et ht mht sumet</c> (<c>pt1</c>, <c>MET</c>,
/// <c>jet.E</c>, <c>MuonPt</c>, <c>DER_mass_MMC</c>) makes it <see cref="VariableKind.EnergyLike"/>.</item>
/// <item>Everything else is <see cref="VariableKind.Plain"/>.</item>
/// </list>
/// <see cref="VariableKinds"/> adds declared kinds on top (<c>--kinds x=phi</c>).
/// </summary>
public static class VariableRoles
{
    private static readonly char[] Separators = ['_', '.', ':', ' '];

    private static readonly HashSet<string> EnergyTokens = new(StringComparer.OrdinalIgnoreCase)
    {
        "e", "energy", "pt", "m", "mass", "mt", "met", "et", "ht", "mht", "sumet",
    };

    private static readonly HashSet<string> MassTokens = new(StringComparer.OrdinalIgnoreCase) { "m", "mass", "mt" };

    private static readonly HashSet<string> MomentumTokens = new(StringComparer.OrdinalIgnoreCase) { "pt", "met", "et", "ht", "mht", "sumet" };

    private static readonly HashSet<string> PlainTokens = new(StringComparer.OrdinalIgnoreCase)
    {
        "eta", "ratio", "centrality", "frac", "fraction", "deltar", "dr", "sig", "significance", "prodeta", "deltaeta",
    };

    /// <summary>The kind of the feature called <paramref name="featureName"/>.</summary>
    public static VariableKind Classify(string featureName) => Classify(Tokens(featureName));

    private static VariableKind Classify(string[] tokens)
    {
        if (tokens.Length == 0)
        {
            return VariableKind.Plain;
        }

        if (tokens[^1].EndsWith("phi", StringComparison.OrdinalIgnoreCase) || tokens[0].Equals("phi", StringComparison.OrdinalIgnoreCase))
        {
            return VariableKind.Angle;
        }

        if (tokens.Any(PlainTokens.Contains))
        {
            return VariableKind.Plain;
        }

        return tokens.Any(EnergyTokens.Contains) ? VariableKind.EnergyLike : VariableKind.Plain;
    }

    /// <summary>Whether the feature is a mass (an energy-like name with a token <c>m</c>, <c>mass</c> or <c>mt</c>); masses get a default minimum for relative residuals.</summary>
    public static bool IsMass(string featureName)
    {
        string[] tokens = Tokens(featureName);
        return Classify(tokens) == VariableKind.EnergyLike && tokens.Any(MassTokens.Contains);
    }

    /// <summary>
    /// The physics variable a name stands for, as error targets name it: <c>phi</c> for angles,
    /// <c>eta</c>, <c>m</c> for masses, <c>pt</c> for transverse momenta and MET-like sums,
    /// <c>E</c> for energies; null for anything else. So <c>pt=0.3%</c> applies to <c>pt1</c>,
    /// <c>j0_pt</c> and <c>MET</c>, and <c>phi=0.003</c> to <c>phiMET</c>.
    /// </summary>
    public static string? Variable(string featureName)
    {
        string[] tokens = Tokens(featureName);
        return Classify(tokens) switch
        {
            VariableKind.Angle => "phi",
            VariableKind.EnergyLike => tokens.Any(MassTokens.Contains) ? "m" : tokens.Any(MomentumTokens.Contains) ? "pt" : "E",
            _ => tokens.Length > 0 && tokens[^1].Equals("eta", StringComparison.OrdinalIgnoreCase) ? "eta" : null,
        };
    }

    // Tokens of a name without its index: split at separators and camel case, digits trimmed off each token's end.
    private static string[] Tokens(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var tokens = new List<string>();
        foreach (string part in name.Trim().Split(Separators, StringSplitOptions.RemoveEmptyEntries))
        {
            int start = 0;
            for (int i = 1; i <= part.Length; i++)
            {
                // A capital after two or more lower-case letters starts a new token (phiMET, MuonPt; not pT).
                if (i == part.Length || (i - start >= 2 && char.IsLower(part[i - 1]) && char.IsUpper(part[i])))
                {
                    string token = part[start..i].TrimEnd('0', '1', '2', '3', '4', '5', '6', '7', '8', '9');
                    if (token.Length > 0)
                    {
                        tokens.Add(token);
                    }

                    start = i;
                }
            }
        }

        return [.. tokens];
    }
}
