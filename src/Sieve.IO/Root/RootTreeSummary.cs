namespace Sieve.IO.Root;

/// <summary>A tree's entries and branches.</summary>
/// <param name="Path">Path of the tree in the file.</param>
/// <param name="Title">Tree title.</param>
/// <param name="Entries">Number of entries.</param>
/// <param name="Branches">Every branch, sub-branches after their parent.</param>
public sealed record RootTreeSummary(string Path, string Title, long Entries, IReadOnlyList<RootBranchSummary> Branches)
{
    /// <summary>Summarises a tree from its metadata (no basket is read).</summary>
    public static RootTreeSummary From(RootTree tree)
    {
        ArgumentNullException.ThrowIfNull(tree);
        return new RootTreeSummary(tree.Path, tree.Title, tree.Entries, tree.Branches.Select(RootBranchSummary.From).ToList());
    }
}
