using System.Security.Cryptography;
using Sieve.Core.Tables;

namespace Sieve.Pipeline.Cluster;

/// <summary>SHA-256 and size of a file and, for the text formats scores are counted in, its rows, in one pass.</summary>
public static class FileFingerprint
{
    /// <summary>SHA-256 (lower-case hex) and size of <paramref name="path"/>.</summary>
    public static (string Sha256, long Bytes) Hash(string path)
    {
        using FileStream stream = File.OpenRead(path);
        return (Convert.ToHexStringLower(SHA256.HashData(stream)), stream.Length);
    }

    /// <summary>
    /// The digest of a task's output: a file's SHA-256 and size; for a model directory, its weights'
    /// (weights.bin: the model's identity; history.csv holds timings that differ between runs).
    /// </summary>
    public static (string Sha256, long Bytes) Output(string path)
    {
        if (Directory.Exists(path))
        {
            string weights = Path.Combine(path, "weights.bin");
            return File.Exists(weights) ? Hash(weights) : throw new FileNotFoundException($"model directory {path} has no weights.bin.", weights);
        }

        return Hash(path);
    }

    /// <summary>
    /// The input as a cluster run records it. Rows: non-empty lines of a DarkMachines file (one event
    /// each), non-empty lines after the header of a CSV table; null for other formats.
    /// </summary>
    public static ClusterInput Of(string path)
    {
        (string sha, long bytes) = Hash(path);
        InputFormat format = InputLoader.Detect(path);
        long? rows = format switch
        {
            InputFormat.DarkMachines => CountLines(path),
            InputFormat.Csv => Math.Max(0, CountLines(path) - 1),
            _ => null,
        };
        return new ClusterInput(path, sha, bytes, rows);
    }

    /// <summary>Non-empty lines of a text file.</summary>
    public static long CountLines(string path)
    {
        long count = 0;
        foreach (string line in File.ReadLines(path))
        {
            if (line.Length > 0)
            {
                count++;
            }
        }

        return count;
    }
}
