using Sieve.Core.Tables;

namespace Sieve.IO.Root;

/// <summary>
/// Reads a TTree as a feature table: one row per entry, one feature per scalar numeric leaf
/// (branch name, or branch.leaf in leaf lists), in branch order; string branches are side channels
/// (kept verbatim as text). Array and object branches are not columns; <see cref="Skipped"/> lists
/// them with the reason. A path may name the tree
/// after '#' (<c>file.root#events</c>, or <c>file.root#dir/events</c>); the first tree otherwise.
/// </summary>
public static class RootTableReader
{
    /// <summary>Splits <c>file.root#tree</c> into the file and the tree (null when there is no '#' suffix).</summary>
    public static (string File, string? Tree) SplitPath(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        int hash = path.LastIndexOf('#');
        if (hash <= 0 || File.Exists(path) || !File.Exists(path[..hash]))
        {
            return (path, null);
        }

        return (path[..hash], path[(hash + 1)..]);
    }

    /// <summary>
    /// Reads the tree named in the path (or <paramref name="tree"/>, or the first tree). Names in
    /// <paramref name="columns"/> that are branches but not table columns (arrays, strings,
    /// objects) are a <see cref="RootFormatException"/> saying what the branch is.
    /// </summary>
    public static FeatureTable Read(string path, string? tree = null, IReadOnlyList<string>? columns = null)
    {
        (string file, string? named) = SplitPath(path);
        using RootFile root = RootFile.Open(file);
        RootTree opened = root.OpenTree(tree ?? named);
        foreach (string column in columns ?? [])
        {
            RootBranch? branch = opened.Branches.FirstOrDefault(b => b.Name == column);
            if (branch is not null && !branch.IsFlatScalar)
            {
                string why = branch.IsSupported ? "it has several numbers per entry, and a table column needs one" : branch.UnsupportedReason!;
                throw new RootFormatException(opened.FilePath, $"tree '{opened.Path}', branch '{column}' ({Type(branch)})", $"the branch cannot be a table column: {why}",
                    "a branch of one number per entry (scalar bool, integer, float or double)");
            }
        }

        return Read(opened);
    }

    /// <summary>Reads a tree's scalar numeric leaves into a table, chunk by chunk.</summary>
    public static FeatureTable Read(RootTree tree)
    {
        ArgumentNullException.ThrowIfNull(tree);
        List<RootBranch> flat = tree.Branches.Where(b => b.IsFlatScalar).ToList();
        if (flat.Count == 0)
        {
            IReadOnlyList<string> skipped = Skipped(tree);
            string some = string.Join(", ", skipped.Take(8)) + (skipped.Count > 8 ? $" and {skipped.Count - 8} more" : string.Empty);
            throw new RootFormatException(tree.FilePath, $"tree '{tree.Path}'", "the tree has no branch of one number per entry to read as table columns",
                $"scalar numeric branches; the tree's {skipped.Count} branches are {some}");
        }

        if (tree.Entries > int.MaxValue)
        {
            throw new RootFormatException(tree.FilePath, $"tree '{tree.Path}'", $"the tree has {tree.Entries} entries, more than a table holds", "fewer than 2^31 entries");
        }

        string[] names = flat.SelectMany(b => b.Leaves.Select(l => l.Column)).ToArray();
        int rows = (int)tree.Entries;

        // String branches travel verbatim as side channels, so a table read from a tree loses nothing of them.
        List<SideChannel> strings = tree.Branches.Where(b => b.IsString).Select(b => new SideChannel(b.Name, tree.ReadStrings(b.Name))).ToList();
        string[] order = tree.Branches.Where(b => b.IsFlatScalar || b.IsString).SelectMany(b => b.IsString ? [b.Name] : b.Leaves.Select(l => l.Column)).ToArray();
        var values = new double[checked(rows * names.Length)];
        foreach (RootChunk chunk in tree.ReadChunks(flat.Select(b => b.Name)))
        {
            for (int c = 0; c < chunk.Columns.Count; c++)
            {
                double[] column = chunk.Columns[c].Values;
                for (int i = 0; i < chunk.EntryCount; i++)
                {
                    values[((chunk.EntryStart + i) * names.Length) + c] = column[i];
                }
            }
        }

        return new FeatureTable(names, values, rows, strings, order);
    }

    /// <summary>The branches a table leaves out, each as "name (type: reason)".</summary>
    public static IReadOnlyList<string> Skipped(RootTree tree)
    {
        ArgumentNullException.ThrowIfNull(tree);
        return tree.Branches.Where(b => !b.IsFlatScalar && !b.IsString)
            .Select(b => $"{b.Name} ({Type(b)}{(b.IsSupported ? ": not one number per entry" : string.Empty)})")
            .ToList();
    }

    private static string Type(RootBranch branch) =>
        branch.ElementClassName is { Length: > 0 } cls ? cls : string.Join(", ", branch.Leaves.Select(l => l.TypeDescription));
}
