using System.Text;
using System.Text.RegularExpressions;

namespace Sieve.Pipeline.Cluster;

/// <summary>
/// The inputs of a cluster run from --inputs: a list file (one path a line; blank lines and lines
/// starting with # skipped; relative paths from the list's folder) or a glob (*, ?, ** for any
/// folders; relative to the working folder), sorted by path so that the order is reproducible.
/// </summary>
public static class InputList
{
    /// <summary>Full paths, in merge order.</summary>
    /// <exception cref="ArgumentException">Nothing matches, a listed file is missing, or a file is listed twice.</exception>
    public static IReadOnlyList<string> Expand(string listOrGlob, string workingDirectory)
    {
        ArgumentException.ThrowIfNullOrEmpty(listOrGlob);
        List<string> paths;
        if (listOrGlob.IndexOfAny(['*', '?']) < 0)
        {
            string list = Path.GetFullPath(listOrGlob, workingDirectory);
            if (!File.Exists(list))
            {
                throw new FileNotFoundException($"--inputs {listOrGlob}: no such list file (give a file with one input path a line, or a glob such as 'data/*.csv').", list);
            }

            string folder = Path.GetDirectoryName(list)!;
            paths = [];
            int line = 0;
            foreach (string raw in File.ReadLines(list))
            {
                line++;
                string text = raw.Trim();
                if (text.Length == 0 || text.StartsWith('#'))
                {
                    continue;
                }

                string path = Path.GetFullPath(text, folder);
                if (!File.Exists(path))
                {
                    throw new FileNotFoundException($"{list}:{line}: input {text} does not exist ({path}).", path);
                }

                paths.Add(path);
            }
        }
        else
        {
            paths = [.. Glob(listOrGlob, workingDirectory)];
        }

        if (paths.Count == 0)
        {
            throw new ArgumentException($"--inputs {listOrGlob} names no files.");
        }

        string? twice = paths.GroupBy(p => p, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1)?.Key;
        if (twice is not null)
        {
            throw new ArgumentException($"--inputs {listOrGlob} names {twice} more than once; each input is one shard.");
        }

        return paths;
    }

    // The glob's fixed leading folders are the root walked; the rest matches relative paths.
    private static IEnumerable<string> Glob(string glob, string workingDirectory)
    {
        string full = Path.GetFullPath(glob.Replace('\\', '/'), workingDirectory);
        string[] parts = full.Split('/');
        int fixedParts = parts.TakeWhile(p => p.IndexOfAny(['*', '?']) < 0).Count();
        string root = "/" + string.Join('/', parts.Take(fixedParts).Where(p => p.Length > 0));
        string pattern = string.Join('/', parts.Skip(fixedParts));
        if (!Directory.Exists(root))
        {
            return [];
        }

        var regex = new Regex("^" + ToRegex(pattern) + "$", RegexOptions.CultureInvariant);
        bool deep = pattern.Contains('/', StringComparison.Ordinal) || pattern.Contains("**", StringComparison.Ordinal);
        return Directory.EnumerateFiles(root, "*", deep ? SearchOption.AllDirectories : SearchOption.TopDirectoryOnly)
            .Where(f => regex.IsMatch(Path.GetRelativePath(root, f).Replace('\\', '/')))
            .Order(StringComparer.Ordinal);
    }

    private static string ToRegex(string pattern)
    {
        var text = new StringBuilder();
        for (int i = 0; i < pattern.Length; i++)
        {
            char c = pattern[i];
            if (c == '*' && i + 1 < pattern.Length && pattern[i + 1] == '*')
            {
                bool slash = i + 2 < pattern.Length && pattern[i + 2] == '/';
                text.Append(slash ? "(.*/)?" : ".*");
                i += slash ? 2 : 1;
            }
            else
            {
                text.Append(c switch { '*' => "[^/]*", '?' => "[^/]", _ => Regex.Escape(c.ToString()) });
            }
        }

        return text.ToString();
    }
}
