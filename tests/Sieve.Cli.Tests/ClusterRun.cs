using Sieve.Core.Synthetic;
using Sieve.IO.Tables;

namespace Sieve.Cli.Tests;

/// <summary>Inputs and the single-process reference for the cluster tests: synthetic jet tables, and what compress gives for each with a run's shared quantiser, concatenated.</summary>
internal static class ClusterRun
{
    public static readonly string[] Quantize = ["--method", "quantize", "--columns", "m,pt,phi,eta", "--target-rms", "pt=0.3%,m=0.3%,eta=0.003,phi=0.003"];

    /// <summary>Writes <paramref name="count"/> jet tables of 600 to 900 rows under <paramref name="dir"/>/inputs; returns their paths, sorted.</summary>
    public static string[] Inputs(string dir, int count)
    {
        string folder = Directory.CreateDirectory(Path.Combine(dir, "inputs")).FullName;
        return [.. Enumerable.Range(0, count).Select(i =>
        {
            string path = Path.Combine(folder, $"jets-{i:D2}.csv");
            CsvTableWriter.Write(path, SyntheticJets.Generate(600 + (100 * i), 40 + i, 10_000 * i));
            return path;
        })];
    }

    /// <summary>The archive one process makes of the same inputs: each compressed with the run's steps, then `sieve concat`.</summary>
    public static string SingleProcess(string dir, string[] inputs, string steps)
    {
        var parts = new List<string>();
        foreach (string input in inputs)
        {
            string part = Path.Combine(dir, "ref-" + Path.GetFileNameWithoutExtension(input) + ".sieve");
            (int code, string text) = CliRunner.Run("compress", "--method", "quantize", "--columns", "m,pt,phi,eta", "--steps-from", steps, "--threads", "1", "--input", input, "--out", part);
            Assert.True(code == 0, text);
            parts.Add(part);
        }

        string whole = Path.Combine(dir, "ref.sieve");
        (int c, string t) = CliRunner.Run(["concat", .. parts, "--out", whole]);
        Assert.True(c == 0, t);
        return whole;
    }
}
