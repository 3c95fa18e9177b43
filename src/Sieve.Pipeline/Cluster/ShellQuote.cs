namespace Sieve.Pipeline.Cluster;

/// <summary>Words quoted for a POSIX shell (sbatch scripts, the commands recorded in a manifest).</summary>
public static class ShellQuote
{
    /// <summary>One word: left bare when it holds only safe characters, else in single quotes.</summary>
    public static string Word(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        return word.Length > 0 && word.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '/' or ':' or '=' or ',' or '%' or '+' or '@')
            ? word
            : "'" + word.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
    }

    /// <summary>A command line of <paramref name="words"/>.</summary>
    public static string Line(IEnumerable<string> words) => string.Join(' ', words.Select(Word));
}
