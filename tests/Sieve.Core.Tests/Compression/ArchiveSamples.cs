using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Sieve.Compression.Archive;
using Sieve.Core.Tables;

namespace Sieve.Core.Tests.Compression;

/// <summary>Archive contents for tests: a fixed tiny one (golden bytes) and seeded random ones.</summary>
internal static class ArchiveSamples
{
    public const string ModelSha = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    private static readonly string[] Pieces =
    [
        string.Empty, "0", "42", "-1.5e-3", "a,b", "\"quoted, with comma\"", "line\nbreak", "tab\tcr\r",
        "Ünïcødé", "Ελληνικά", "日本語", "emoji 🧪🔬", "  spaces  ", "NaN", "\u0000nul",
    ];

    public static ArchiveHeader Header(int rows, int dims, IReadOnlyList<string> sideChannelNames, JsonNode? normaliser = null) =>
        new(
            "sieve 0.1.0",
            new ArchiveSchema(
                InputFormat: "csv",
                ColumnOrder: [.. sideChannelNames, "pt", "eta"],
                FeatureNames: ["pt", "eta"],
                SideChannelNames: sideChannelNames,
                RowCount: rows,
                EnergyUnit: "GeV",
                Synthetic: true,
                FormatOptions: new Dictionary<string, string> { ["delimiter"] = ",", ["comment"] = "#" }),
            new ModelIdentity("dense-ae", ModelSha, InputSize: 2, LatentSize: dims),
            normaliser,
            new LatentEncoding(LatentDType.Float32, rows, dims));

    /// <summary>2 rows, 2 dims, one side channel: the golden-bytes archive.</summary>
    public static ArchiveContent Tiny() =>
        new(
            Header(2, 2, ["id"], new JsonObject { ["kind"] = "none" }),
            [1f, -2f, 0.5f, 0f],
            [new SideChannel("id", ["7", "x,y"])]);

    /// <summary>Random content: latents from a seeded generator, side channels of awkward strings.</summary>
    public static ArchiveContent Random(int seed, int rows, int dims, int sideChannels)
    {
        var rng = new Random(seed);
        float[] latents = new float[rows * dims];
        for (int i = 0; i < latents.Length; i++)
        {
            latents[i] = (float)((rng.NextDouble() - 0.5) * Math.Pow(10, rng.Next(-6, 7)));
        }

        string[] names = [.. Enumerable.Range(0, sideChannels).Select(c => c == 1 ? "wéight, \"w\"" : $"channel{c}")];
        var channels = names.Select(name => new SideChannel(name,
            [.. Enumerable.Range(0, rows).Select(_ => RandomValue(rng))])).ToList();
        var normaliser = new JsonObject { ["kind"] = "zscore", ["mean"] = new JsonArray(1.5, -2.25), ["std"] = new JsonArray(0.5, 3.0) };
        return new ArchiveContent(Header(rows, dims, names, normaliser), latents, channels);
    }

    /// <summary>Recomputes the trailer's SHA-256 after a deliberate edit, so only the structure is wrong.</summary>
    public static byte[] Reseal(byte[] bytes)
    {
        byte[] copy = (byte[])bytes.Clone();
        SHA256.HashData(copy.AsSpan(0, copy.Length - 40)).CopyTo(copy.AsSpan(copy.Length - 40, 32));
        return copy;
    }

    private static string RandomValue(Random rng) => rng.Next(4) switch
    {
        0 => Pieces[rng.Next(Pieces.Length)],
        1 => rng.Next(-1_000_000, 1_000_000).ToString(System.Globalization.CultureInfo.InvariantCulture),
        2 => string.Concat(Enumerable.Range(0, rng.Next(0, 300)).Select(_ => Pieces[rng.Next(Pieces.Length)])),
        _ => $"{Pieces[rng.Next(Pieces.Length)]},{rng.Next(10)}",
    };
}
