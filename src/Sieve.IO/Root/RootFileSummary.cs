using System.Text.Json;
using Sieve.Core.Serialization;

namespace Sieve.IO.Root;

/// <summary>What is in a ROOT file: its trees with their branches, and the other objects (for <c>sieve info</c>).</summary>
/// <param name="Source">The file.</param>
/// <param name="RootVersion">The ROOT version that wrote it, e.g. "6.20/04".</param>
/// <param name="Bytes">File size.</param>
/// <param name="Compression">The file's default compression.</param>
/// <param name="Trees">The trees (newest cycle of each).</param>
/// <param name="Objects">Every other object, with a note for those Sieve cannot read (RNTuple).</param>
public sealed record RootFileSummary(string Source, string RootVersion, long Bytes, string Compression,
    IReadOnlyList<RootTreeSummary> Trees, IReadOnlyList<RootObjectSummary> Objects)
{
    /// <summary>Summarises an open file; trees that cannot be read are listed with the error as their note.</summary>
    public static RootFileSummary From(RootFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        var trees = new List<RootTreeSummary>();
        var objects = new List<RootObjectSummary>();
        foreach (RootKey key in file.Keys.GroupBy(k => k.Path).Select(g => g.MaxBy(k => k.Cycle)!))
        {
            if (key.IsTree)
            {
                try
                {
                    trees.Add(RootTreeSummary.From(file.OpenTree(key.Path)));
                }
                catch (RootFormatException e)
                {
                    objects.Add(new RootObjectSummary(key.Path, key.ClassName, e.Message));
                }
            }
            else if (!key.IsDirectory)
            {
                objects.Add(new RootObjectSummary(key.Path, key.ClassName, key.IsRNTuple ? "RNTuple is not supported yet" : null));
            }
        }

        string version = $"{file.Version / 10000}.{file.Version / 100 % 100:D2}/{file.Version % 100:D2}";
        return new RootFileSummary(file.Path, version, file.Length, file.Compression.ToString(), trees, objects);
    }

    /// <summary>The summary as JSON (snake_case, like Sieve's other summaries).</summary>
    public string ToJson() => JsonSerializer.Serialize(this, SieveJson.Options);
}
