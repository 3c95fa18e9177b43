using Sieve.Core.Metrics;
using System.Globalization;

namespace Sieve.Pipeline;

/// <summary>An error target or bound of one variable: "0.3%" is relative (0.003 of the value), "0.003" absolute.</summary>
/// <param name="Value">The target as a number (a fraction for relative targets).</param>
/// <param name="Relative">Whether it applies to the relative residual.</param>
public sealed record ErrorTarget(double Value, bool Relative)
{
    /// <summary>Parses "name=text,name=text" keeping the texts (e.g. "0.3%"); null when empty. A malformed item is named in the error.</summary>
    public static Dictionary<string, string>? ParseList(string? text, string option)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (string item in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            string[] parts = item.Split('=', 2, StringSplitOptions.TrimEntries);
            if (parts.Length != 2 || parts[0].Length == 0 || parts[1].Length == 0)
            {
                throw new ArgumentException($"{option}: '{item}' is not NAME=VALUE or NAME=VALUE% (e.g. pt=0.3%,eta=0.003).");
            }

            result[parts[0]] = parts[1];
        }

        return result;
    }

    /// <summary>The targets as <see cref="ParseList"/> reads them back: "name=text,name=text" in their order (archive headers record them so).</summary>
    public static string ListText(IEnumerable<KeyValuePair<string, string>> targets) => string.Join(",", targets.Select(t => $"{t.Key}={t.Value}"));

    /// <summary>Parses the text given for <paramref name="variable"/>; a clear error when it is not a positive number.</summary>
    public static ErrorTarget Parse(string variable, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string trimmed = text.Trim();
        bool relative = trimmed.EndsWith('%');
        string number = relative ? trimmed[..^1] : trimmed;
        if (!double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) || !(value > 0) || double.IsInfinity(value))
        {
            throw new ArgumentException(IsLossless(trimmed)
                ? $"{variable}={text}: a target of 0 keeps a table column losslessly and is for --method quantize on tables only."
                : $"{variable}={text}: expected a positive number, or a percentage such as 0.3%.");
        }

        return new ErrorTarget(relative ? value / 100 : value, relative);
    }

    /// <summary>
    /// The target given for <paramref name="variable"/> in a name -> text map (names case-insensitive):
    /// its own name first, then the part after the last '_' (pt for j0_pt), then the physics variable
    /// its kind stands for (<see cref="VariableKinds.Variable"/>: pt for pt1 and MET, phi for phiMET),
    /// and only then a pattern (<c>*</c> for every feature, <c>*Energy</c>), the most specific one.
    /// </summary>
    /// <exception cref="KeyNotFoundException">No target applies.</exception>
    public static ErrorTarget For(IReadOnlyDictionary<string, string> targets, string variable, VariableKinds? kinds = null) =>
        Parse(variable, TextFor(targets, variable, kinds));

    /// <summary>
    /// The key of <paramref name="targets"/> that applies to <paramref name="variable"/> (see <see cref="For"/>); null when none does.
    /// Names win over patterns, so that <c>*=0.5%,pt=0.3%</c> means "0.5 % except pt"; among patterns the
    /// one with the most characters other than '*' wins (<c>*Energy</c> over <c>*</c>).
    /// </summary>
    /// <exception cref="ArgumentException">Two patterns equally specific match <paramref name="variable"/>: which one was meant is not known.</exception>
    public static string? Find(IReadOnlyDictionary<string, string> targets, string variable, VariableKinds? kinds = null)
    {
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(variable);
        string?[] candidates =
        [
            variable,
            variable[(variable.LastIndexOf('_') + 1)..],
            (kinds ?? VariableKinds.Patterns).Variable(variable),
        ];
        foreach (string? candidate in candidates)
        {
            if (candidate is not null && targets.Keys.FirstOrDefault(k => !TargetPattern.IsPattern(k) && k.Equals(candidate, StringComparison.OrdinalIgnoreCase)) is { } key)
            {
                return key;
            }
        }

        string[] matching = [.. targets.Keys.Where(k => TargetPattern.IsPattern(k) && TargetPattern.Matches(k, variable))
            .OrderByDescending(TargetPattern.Specificity)];
        if (matching.Length > 1 && TargetPattern.Specificity(matching[0]) == TargetPattern.Specificity(matching[1]))
        {
            throw new ArgumentException($"{variable}: the patterns {matching[0]}={targets[matching[0]]} and {matching[1]}={targets[matching[1]]} both match and are equally specific; " +
                $"give {variable} its own target or make one pattern longer.");
        }

        return matching.Length > 0 ? matching[0] : null;
    }

    /// <summary>Whether <paramref name="text"/> asks for a feature kept losslessly: a target of 0 (or 0%).</summary>
    public static bool IsLossless(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string trimmed = text.Trim();
        string number = trimmed.EndsWith('%') ? trimmed[..^1] : trimmed;
        return double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) && value == 0;
    }

    /// <summary>Each feature with the key that applies to it and its target text, in feature order (what compress reports).</summary>
    public static IReadOnlyList<TargetAssignment> Assign(IReadOnlyDictionary<string, string> targets, IReadOnlyList<string> features, VariableKinds? kinds = null)
    {
        ArgumentNullException.ThrowIfNull(features);
        return [.. features.Select(f => Find(targets, f, kinds) is { } key ? new TargetAssignment(f, key, targets[key]) : null).OfType<TargetAssignment>()];
    }

    /// <summary>The text given for <paramref name="variable"/> (e.g. "0.3%"), by the rule of <see cref="Find"/>.</summary>
    /// <exception cref="KeyNotFoundException">No target applies.</exception>
    public static string TextFor(IReadOnlyDictionary<string, string> targets, string variable, VariableKinds? kinds = null) =>
        Find(targets, variable, kinds) is { } key ? targets[key] : throw new KeyNotFoundException($"no target for {variable}");

    /// <summary>
    /// Refuses keys that apply to none of <paramref name="features"/>: a typo (<c>etaa=0.0001</c>)
    /// must not leave a variable without the target the user meant.
    /// </summary>
    public static void RequireAllApply(IReadOnlyDictionary<string, string> targets, IReadOnlyList<string> features, string option, VariableKinds? kinds = null)
    {
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(features);
        // A pattern that matches a feature applies even where a name overrides it: a default need not be used.
        var used = new HashSet<string>(features.Select(f => Find(targets, f, kinds)).OfType<string>(), StringComparer.OrdinalIgnoreCase);
        string[] unknown = [.. targets.Keys.Where(k => !used.Contains(k) && !(TargetPattern.IsPattern(k) && features.Any(f => TargetPattern.Matches(k, f))))];
        if (unknown.Length > 0)
        {
            throw new ArgumentException($"{option} {string.Join(", ", unknown.Select(k => $"{k}={targets[k]}"))}: {(unknown.Length == 1 ? "applies" : "apply")} to no feature; " +
                $"a key is a feature name, the part after its last '_', the variable it stands for (pt, E, m, eta, phi; --kinds declares one), or a pattern with * (*=0.5%, *Energy=1%). Features: {string.Join(", ", features)}.");
        }
    }
}
