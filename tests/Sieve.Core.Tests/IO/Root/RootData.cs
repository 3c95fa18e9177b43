using Sieve.IO.Root;
using Sieve.Tests.Shared;

namespace Sieve.Core.Tests.IO.Root;

/// <summary>The ROOT files of ../shared/data/root (skipped with a reason when absent) and whole-column reads.</summary>
internal static class RootData
{
    public static readonly string[] ZmumuCompressions = ["uncompressed", "zlib", "lz4", "lzma", "zstd"];

    public static readonly string[] SampleFiles =
    [
        "uproot-sample-6.20.04-uncompressed.root",
        "uproot-sample-6.20.04-zlib.root",
        "uproot-sample-6.20.04-lz4.root",
        "uproot-sample-6.20.04-lzma.root",
        "uproot-sample-5.23.02-zlib.root",
    ];

    public static string Path(string name) => SharedData.Require($"root/{name}");

    public static string Zmumu(string compression) => Path($"uproot-Zmumu-{compression}.root");

    /// <summary>All entries of one column of a tree.</summary>
    public static RootColumn Column(string file, string tree, string column)
    {
        using RootFile root = RootFile.Open(file);
        return root.OpenTree(tree).ReadColumn(column);
    }

    /// <summary>A jagged column as a list of entries.</summary>
    public static List<double[]> Entries(RootColumn column) =>
        Enumerable.Range(0, column.EntryCount).Select(i => column.Entry(i).ToArray()).ToList();
}
