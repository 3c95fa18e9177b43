using Sieve.IO.Root.Internal;

namespace Sieve.IO.Root;

/// <summary>
/// A TTree: its branches (flattened, sub-branches after their parent) and reading of entries in
/// chunks (<see cref="ReadChunks"/>), which keeps one decoded basket per branch in memory.
/// </summary>
public sealed class RootTree
{
    /// <summary>Entries per chunk when none is given.</summary>
    public const int DefaultChunkEntries = 100_000;

    private readonly RootFile _file;

    internal RootTree(RootFile file, RootKey key, TreeInfo info)
    {
        _file = file;
        Key = key;
        Name = info.Name;
        Title = info.Title;
        Entries = info.Entries;
        var branches = new List<RootBranch>();
        Flatten(info.Branches, null, branches);
        Branches = branches;
    }

    /// <summary>The key the tree was read from.</summary>
    public RootKey Key { get; }

    /// <summary>The file the tree is in (path as given).</summary>
    public string FilePath => _file.Path;

    /// <summary>Tree name.</summary>
    public string Name { get; }

    /// <summary>Tree title.</summary>
    public string Title { get; }

    /// <summary>Path of the tree in the file.</summary>
    public string Path => Key.Path;

    /// <summary>Number of entries.</summary>
    public long Entries { get; }

    /// <summary>Every branch, sub-branches after their parent.</summary>
    public IReadOnlyList<RootBranch> Branches { get; }

    /// <summary>A branch by name; a <see cref="RootFormatException"/> listing the branches when there is none.</summary>
    public RootBranch Branch(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return Branches.FirstOrDefault(b => b.Name == name)
            ?? throw new RootFormatException(_file.Path, $"tree '{Path}'", $"the tree has no branch '{name}'", $"one of: {string.Join(", ", Branches.Select(b => b.Name))}");
    }

    /// <summary>
    /// Reads entries [<paramref name="entryStart"/>, <paramref name="entryStop"/>) of the named
    /// branches (all supported ones when null) in chunks of at most
    /// <paramref name="entriesPerChunk"/> entries. An unsupported branch asked for by name is a
    /// <see cref="RootFormatException"/> naming it, its type and what is supported.
    /// </summary>
    public IEnumerable<RootChunk> ReadChunks(IEnumerable<string>? branches = null, int entriesPerChunk = DefaultChunkEntries, long entryStart = 0, long? entryStop = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(entriesPerChunk, 1);
        long stop = entryStop ?? Entries;
        if (entryStart < 0 || stop > Entries || entryStart > stop)
        {
            throw new ArgumentOutOfRangeException(nameof(entryStart), $"entries {entryStart} to {stop} are outside the tree's 0 to {Entries}.");
        }

        List<RootBranch> selected = branches is null ? Branches.Where(b => b.IsSupported).ToList() : branches.Select(Supported).ToList();
        return Chunks(selected, entriesPerChunk, entryStart, stop);
    }

    /// <summary>Reads one column (a branch name, or branch.leaf in a leaf list) for all entries.</summary>
    public RootColumn ReadColumn(string column)
    {
        ArgumentNullException.ThrowIfNull(column);
        RootBranch branch = Branches.FirstOrDefault(b => b.Leaves.Any(l => l.Column == column)) ?? Branch(column);
        var cursor = new BranchCursor(_file, Supported(branch.Name), $"tree '{Path}', branch '{branch.Name}'");
        return cursor.Read(0, Entries).First(c => c.Name == column || branch.Leaves.Count == 1);
    }

    /// <summary>Reads a string branch (one TLeafC) for entries [<paramref name="entryStart"/>, <paramref name="entryStop"/>).</summary>
    public string[] ReadStrings(string branch, long entryStart = 0, long? entryStop = null)
    {
        RootBranch found = Branch(branch);
        long stop = entryStop ?? Entries;
        if (entryStart < 0 || stop > Entries || entryStart > stop)
        {
            throw new ArgumentOutOfRangeException(nameof(entryStart), $"entries {entryStart} to {stop} are outside the tree's 0 to {Entries}.");
        }

        if (!found.IsString)
        {
            throw new RootFormatException(_file.Path, $"tree '{Path}', branch '{branch}' ({found.ClassName}, {string.Join(", ", found.Leaves.Select(l => l.TypeDescription))})",
                "the branch is not a string branch", "a branch with one TLeafC leaf");
        }

        return new BranchCursor(_file, found, $"tree '{Path}', branch '{branch}'").ReadStrings(entryStart, stop);
    }

    private IEnumerable<RootChunk> Chunks(List<RootBranch> selected, int entriesPerChunk, long start, long stop)
    {
        BranchCursor[] cursors = selected.Select(b => new BranchCursor(_file, b, $"tree '{Path}', branch '{b.Name}'")).ToArray();
        for (long at = start; at < stop; at += entriesPerChunk)
        {
            long end = Math.Min(stop, at + entriesPerChunk);
            var columns = new List<RootColumn>();
            foreach (BranchCursor cursor in cursors)
            {
                columns.AddRange(cursor.Read(at, end));
            }

            yield return new RootChunk(at, (int)(end - at), columns);
        }
    }

    private RootBranch Supported(string name)
    {
        RootBranch branch = Branch(name);
        if (!branch.IsSupported)
        {
            string type = branch.Leaves.Count == 1 ? $"{branch.Leaves[0].ClassName} '{branch.Leaves[0].Title}'" : branch.Title;
            throw new RootFormatException(_file.Path, $"tree '{Path}', branch '{name}' ({branch.ClassName}, {type})",
                $"the branch cannot be read: {branch.UnsupportedReason}", RootBranch.SupportedText);
        }

        return branch;
    }

    private static void Flatten(IEnumerable<BranchInfo> infos, string? parent, List<RootBranch> into)
    {
        foreach (BranchInfo info in infos)
        {
            into.Add(new RootBranch(info, parent));
            Flatten(info.Branches, info.Name, into);
        }
    }
}
