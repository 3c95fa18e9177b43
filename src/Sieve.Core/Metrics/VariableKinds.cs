namespace Sieve.Core.Metrics;

/// <summary>
/// The kind of every variable: declared ones first (<c>--kinds phi1=phi,MET=pt,x=plain</c>), then
/// the name patterns of <see cref="VariableRoles"/>. One object answers for compress and evaluate,
/// so a target accepted by one is understood the same way by the other.
/// </summary>
public sealed class VariableKinds
{
    private readonly Dictionary<string, string> _declared; // feature name -> phi | pt | E | m | eta | plain

    private VariableKinds(Dictionary<string, string> declared) => _declared = declared;

    /// <summary>No declarations: the name patterns alone.</summary>
    public static VariableKinds Patterns { get; } = new(new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase));

    /// <summary>
    /// Parses "name=kind,name=kind" with kinds phi (or angle), pt (or et, met), E (or energy), m (or
    /// mass), eta, plain; null or empty text gives <see cref="Patterns"/>.
    /// </summary>
    /// <exception cref="ArgumentException">An item is not name=kind or names an unknown kind.</exception>
    public static VariableKinds Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Patterns;
        }

        var declared = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (string item in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            string[] pair = item.Split('=', StringSplitOptions.TrimEntries);
            if (pair.Length != 2 || pair[0].Length == 0)
            {
                throw new ArgumentException($"--kinds: '{item}' is not NAME=KIND (e.g. phi1=phi,MET=pt).");
            }

            declared[pair[0]] = pair[1].ToLowerInvariant() switch
            {
                "phi" or "angle" => "phi",
                "pt" or "et" or "met" => "pt",
                "e" or "energy" => "E",
                "m" or "mass" => "m",
                "eta" => "eta",
                "plain" or "none" => "plain",
                _ => throw new ArgumentException($"--kinds {item}: '{pair[1]}' is not a kind; use phi, pt, E, m, eta or plain."),
            };
        }

        return new VariableKinds(declared);
    }

    /// <summary>The kind of <paramref name="featureName"/>.</summary>
    public VariableKind Classify(string featureName) => _declared.TryGetValue(featureName, out string? v)
        ? v switch
        {
            "phi" => VariableKind.Angle,
            "pt" or "E" or "m" => VariableKind.EnergyLike,
            _ => VariableKind.Plain,
        }
        : VariableRoles.Classify(featureName);

    /// <summary>Whether <paramref name="featureName"/> is a mass (default minimum of relative residuals).</summary>
    public bool IsMass(string featureName) => _declared.TryGetValue(featureName, out string? v) ? v == "m" : VariableRoles.IsMass(featureName);

    /// <summary>The variable that error targets name for <paramref name="featureName"/> (see <see cref="VariableRoles.Variable"/>).</summary>
    public string? Variable(string featureName) => _declared.TryGetValue(featureName, out string? v)
        ? v == "plain" ? null : v
        : VariableRoles.Variable(featureName);

    /// <summary>Refuses declarations of names that are not among <paramref name="features"/> (a typo would be ignored otherwise).</summary>
    public void RequireFeatures(IReadOnlyCollection<string> features)
    {
        ArgumentNullException.ThrowIfNull(features);
        string[] unknown = [.. _declared.Keys.Where(k => !features.Contains(k, StringComparer.OrdinalIgnoreCase))];
        if (unknown.Length > 0)
        {
            throw new ArgumentException($"--kinds names {string.Join(", ", unknown)}, which {(unknown.Length == 1 ? "is not a feature" : "are not features")} (features: {string.Join(", ", features)}).");
        }
    }
}
