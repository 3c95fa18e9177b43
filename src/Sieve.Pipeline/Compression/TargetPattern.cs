namespace Sieve.Pipeline;

/// <summary>
/// A target key with '*' wildcards (<c>*</c>, <c>*Energy</c>, <c>jet*_pt</c>): '*' stands for any run of
/// characters, names compare case-insensitively, as target names do.
/// </summary>
public static class TargetPattern
{
    /// <summary>Whether <paramref name="key"/> is a pattern rather than a name.</summary>
    public static bool IsPattern(string key) => key.Contains('*', StringComparison.Ordinal);

    /// <summary>How specific a pattern is: its characters other than '*' (the more, the fewer names it matches).</summary>
    public static int Specificity(string pattern) => pattern.Count(c => c != '*');

    /// <summary>Whether <paramref name="pattern"/> matches the whole of <paramref name="name"/>.</summary>
    public static bool Matches(string pattern, string name)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        ArgumentNullException.ThrowIfNull(name);
        string[] parts = pattern.Split('*');
        if (!name.StartsWith(parts[0], StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        // The first piece is anchored at the start and the last at the end; the pieces between are
        // found greedily leftmost, which is exact for '*' alone (no backtracking needed).
        int at = parts[0].Length;
        for (int i = 1; i < parts.Length - 1; i++)
        {
            int found = name.IndexOf(parts[i], at, StringComparison.OrdinalIgnoreCase);
            if (found < 0)
            {
                return false;
            }

            at = found + parts[i].Length;
        }

        string last = parts[^1];
        return name.Length - at >= last.Length && name.EndsWith(last, StringComparison.OrdinalIgnoreCase);
    }
}
