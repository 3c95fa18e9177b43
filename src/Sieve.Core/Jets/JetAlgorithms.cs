namespace Sieve.Core.Jets;

/// <summary>Names of the <see cref="JetAlgorithm"/>s as written on command lines and in tables.</summary>
public static class JetAlgorithms
{
    /// <summary>The accepted spellings, for help texts.</summary>
    public const string Names = "antikt, kt, cambridge (or ca)";

    /// <summary>The exponent p of the generalised-kt distance.</summary>
    public static int Exponent(this JetAlgorithm algorithm) => (int)algorithm;

    /// <summary>The short name: <c>antikt</c>, <c>kt</c>, <c>cambridge</c> (FastJet's names without "_algorithm").</summary>
    public static string Name(this JetAlgorithm algorithm) => algorithm switch
    {
        JetAlgorithm.AntiKt => "antikt",
        JetAlgorithm.Kt => "kt",
        JetAlgorithm.CambridgeAachen => "cambridge",
        _ => throw new ArgumentOutOfRangeException(nameof(algorithm), algorithm, "not a jet algorithm"),
    };

    /// <summary>Parses a name (case-insensitive; <c>anti-kt</c>, <c>ca</c> and <c>cambridge-aachen</c> too); false when unknown.</summary>
    public static bool TryParse(string? text, out JetAlgorithm algorithm)
    {
        switch (text?.Trim().ToLowerInvariant().Replace("-", string.Empty, StringComparison.Ordinal).Replace("_", string.Empty, StringComparison.Ordinal))
        {
            case "antikt": algorithm = JetAlgorithm.AntiKt; return true;
            case "kt": algorithm = JetAlgorithm.Kt; return true;
            case "ca" or "cambridge" or "cambridgeaachen" or "aachen": algorithm = JetAlgorithm.CambridgeAachen; return true;
            default: algorithm = default; return false;
        }
    }
}
