namespace Sieve.IO.Root;

/// <summary>One branch: its type, size, compression and how Sieve reads it.</summary>
/// <param name="Name">Branch name.</param>
/// <param name="Type">Leaf types, e.g. "float", "int32[3]", "float[nMuon]", or the C++ class of object branches.</param>
/// <param name="Entries">Number of entries.</param>
/// <param name="Baskets">Baskets on file.</param>
/// <param name="Compression">Compression setting, e.g. "zlib level 4".</param>
/// <param name="CompressedBytes">Bytes on file.</param>
/// <param name="UncompressedBytes">Bytes once decompressed.</param>
/// <param name="ReadAs">"column" (a table column), "text side channel" (strings), "array" (readable, not a table column) or "unsupported: why".</param>
public sealed record RootBranchSummary(string Name, string Type, long Entries, int Baskets, string Compression,
    long CompressedBytes, long UncompressedBytes, string ReadAs)
{
    /// <summary>Summarises a branch.</summary>
    public static RootBranchSummary From(RootBranch branch)
    {
        ArgumentNullException.ThrowIfNull(branch);
        string type = branch.ElementClassName is { Length: > 0 } cls
            ? cls
            : string.Join(", ", branch.Leaves.Select(l => branch.Leaves.Count > 1 ? $"{l.Name}: {l.TypeDescription}" : l.TypeDescription));
        string readAs = branch.IsString ? "text side channel" : !branch.IsSupported ? $"unsupported: {Short(branch.UnsupportedReason!)}" : branch.IsFlatScalar ? "column" : "array";
        return new RootBranchSummary(branch.Name, type, branch.Entries, branch.BasketCount, branch.Compression.ToString(),
            branch.CompressedBytes, branch.TotalBytes, readAs);
    }

    // The reasons end with the list of what is supported; a summary row needs only the reason.
    private static string Short(string reason) => reason.Split("; supported:")[0];
}
