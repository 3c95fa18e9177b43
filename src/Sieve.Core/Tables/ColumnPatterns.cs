using System.Text.RegularExpressions;

namespace Sieve.Core.Tables;

/// <summary>
/// --columns with glob patterns: <c>*</c> matches any run of characters, <c>?</c> one character
/// (case-insensitive), so <c>Muon_*</c> chooses every muon branch. Plain names pass unchanged;
/// each pattern expands to the matching names in the file's order, and one that matches nothing
/// is an error that lists what there is.
/// </summary>
public static class ColumnPatterns
{
    /// <summary>Whether <paramref name="name"/> is a pattern rather than a name.</summary>
    public static bool IsPattern(string name) => name?.IndexOfAny(['*', '?']) >= 0;

    /// <summary>Expands the patterns among <paramref name="requested"/> against <paramref name="available"/>; null stays null.</summary>
    /// <exception cref="ArgumentException">A pattern matches no column.</exception>
    public static IReadOnlyList<string>? Expand(IReadOnlyList<string>? requested, IReadOnlyList<string> available)
    {
        ArgumentNullException.ThrowIfNull(available);
        if (requested is null || !requested.Any(IsPattern))
        {
            return requested;
        }

        var result = new List<string>();
        foreach (string item in requested)
        {
            if (!IsPattern(item))
            {
                result.Add(item);
                continue;
            }

            var regex = new Regex("^" + Regex.Escape(item).Replace(@"\*", ".*", StringComparison.Ordinal).Replace(@"\?", ".", StringComparison.Ordinal) + "$",
                RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
            string[] matches = [.. available.Where(a => regex.IsMatch(a))];
            if (matches.Length == 0)
            {
                throw new ArgumentException($"--columns {item} matches no column; the columns are {string.Join(", ", available)}.");
            }

            result.AddRange(matches.Where(m => !result.Contains(m, StringComparer.OrdinalIgnoreCase)));
        }

        return result;
    }
}
