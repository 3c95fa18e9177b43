using Sieve.IO;

namespace Sieve.Pipeline.Cluster;

/// <summary>Joins scores CSVs of shards into one, in the order given: the header once, then every file's rows; written atomically.</summary>
public static class ScoresMerge
{
    /// <summary>Writes the join of <paramref name="parts"/> to <paramref name="output"/>; returns its rows.</summary>
    /// <exception cref="InvalidDataException">A part is empty or its header differs from the first's.</exception>
    public static long Merge(IReadOnlyList<string> parts, string output)
    {
        ArgumentNullException.ThrowIfNull(parts);
        if (parts.Count == 0)
        {
            throw new ArgumentException("nothing to merge.");
        }

        string header = FirstLine(parts[0]);
        foreach (string part in parts.Skip(1))
        {
            if (FirstLine(part) != header)
            {
                throw new InvalidDataException($"{part} has other columns than {parts[0]} ('{FirstLine(part)}' against '{header}'); scores of one model join only.");
            }
        }

        long rows = 0;
        AtomicFile.WriteText(output, writer =>
        {
            writer.WriteLine(header);
            foreach (string part in parts)
            {
                foreach (string line in File.ReadLines(part).Skip(1))
                {
                    if (line.Length > 0)
                    {
                        writer.WriteLine(line);
                        rows++;
                    }
                }
            }
        });
        return rows;
    }

    private static string FirstLine(string path) =>
        File.ReadLines(path).FirstOrDefault() ?? throw new InvalidDataException($"{path} is empty: a scores file starts with its header.");
}
