namespace Sieve.Pipeline.Cluster;

/// <summary>Reads and edits a verb's options as words (`--name value` or `--name=value`), without knowing the verb's whole grammar.</summary>
public static class VerbArguments
{
    /// <summary>The value of the last of <paramref name="names"/> given; null when none is.</summary>
    public static string? Value(IReadOnlyList<string> args, params string[] names)
    {
        ArgumentNullException.ThrowIfNull(args);
        string? value = null;
        for (int i = 0; i < args.Count; i++)
        {
            if (Match(args[i], names, out string? inline))
            {
                value = inline ?? (i + 1 < args.Count ? args[++i] : "");
            }
        }

        return value;
    }

    /// <summary>Whether any of <paramref name="names"/> is given.</summary>
    public static bool Has(IReadOnlyList<string> args, params string[] names) => args.Any(a => Match(a, names, out _));

    /// <summary>The words without the options <paramref name="names"/> and their values.</summary>
    public static IReadOnlyList<string> Without(IReadOnlyList<string> args, params string[] names)
    {
        ArgumentNullException.ThrowIfNull(args);
        var kept = new List<string>();
        for (int i = 0; i < args.Count; i++)
        {
            if (Match(args[i], names, out string? inline))
            {
                if (inline is null)
                {
                    i++;
                }

                continue;
            }

            kept.Add(args[i]);
        }

        return kept;
    }

    private static bool Match(string word, string[] names, out string? inline)
    {
        foreach (string name in names)
        {
            if (word == name)
            {
                inline = null;
                return true;
            }

            if (word.StartsWith(name + "=", StringComparison.Ordinal))
            {
                inline = word[(name.Length + 1)..];
                return true;
            }
        }

        inline = null;
        return false;
    }
}
