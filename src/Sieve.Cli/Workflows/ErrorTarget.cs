using System.Globalization;

namespace Sieve.Cli.Workflows;

/// <summary>An error target or bound of one variable: "0.3%" is relative (0.003 of the value), "0.003" absolute.</summary>
/// <param name="Value">The target as a number (a fraction for relative targets).</param>
/// <param name="Relative">Whether it applies to the relative residual.</param>
public sealed record ErrorTarget(double Value, bool Relative)
{
    /// <summary>Parses the text given for <paramref name="variable"/>; a clear error when it is not a positive number.</summary>
    public static ErrorTarget Parse(string variable, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string trimmed = text.Trim();
        bool relative = trimmed.EndsWith('%');
        string number = relative ? trimmed[..^1] : trimmed;
        if (!double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) || !(value > 0) || double.IsInfinity(value))
        {
            throw new ArgumentException($"{variable}={text}: expected a positive number, or a percentage such as 0.3%.");
        }

        return new ErrorTarget(relative ? value / 100 : value, relative);
    }

    /// <summary>
    /// The target given for <paramref name="variable"/> in a name -> text map (names case-insensitive):
    /// its own name first, then, for slot layouts, the variable after the last '_' (pt for j0_pt),
    /// phi for any name ending in phi (METphi) and pt for MET.
    /// </summary>
    /// <exception cref="KeyNotFoundException">No target applies.</exception>
    public static ErrorTarget For(IReadOnlyDictionary<string, string> targets, string variable) =>
        Find(targets, variable) is { } key ? Parse(variable, targets[key]) : throw new KeyNotFoundException($"no target for {variable}");

    /// <summary>The key of <paramref name="targets"/> that applies to <paramref name="variable"/> (see <see cref="For"/>); null when none does.</summary>
    public static string? Find(IReadOnlyDictionary<string, string> targets, string variable)
    {
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(variable);
        string[] candidates =
        [
            variable,
            variable[(variable.LastIndexOf('_') + 1)..],
            variable.EndsWith("phi", StringComparison.OrdinalIgnoreCase) ? "phi" : variable,
            variable.Equals("MET", StringComparison.OrdinalIgnoreCase) ? "pt" : variable,
        ];
        foreach (string candidate in candidates)
        {
            if (targets.Keys.FirstOrDefault(k => k.Equals(candidate, StringComparison.OrdinalIgnoreCase)) is { } key)
            {
                return key;
            }
        }

        return null;
    }
}
