namespace Sieve.IO.Root;

/// <summary>A range of entries of a tree with one column per leaf read.</summary>
public sealed class RootChunk
{
    internal RootChunk(long entryStart, int entryCount, IReadOnlyList<RootColumn> columns)
    {
        EntryStart = entryStart;
        EntryCount = entryCount;
        Columns = columns;
    }

    /// <summary>First entry of the chunk.</summary>
    public long EntryStart { get; }

    /// <summary>Number of entries.</summary>
    public int EntryCount { get; }

    /// <summary>Columns in the order the branches were asked for.</summary>
    public IReadOnlyList<RootColumn> Columns { get; }

    /// <summary>The column of a leaf by name (branch name, or branch.leaf in leaf lists).</summary>
    public RootColumn Column(string name) =>
        Columns.FirstOrDefault(c => c.Name == name) ?? throw new KeyNotFoundException($"the chunk has no column '{name}'; it has {string.Join(", ", Columns.Select(c => c.Name))}.");
}
