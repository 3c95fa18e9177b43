namespace Sieve.IO.Root.Internal;

/// <summary>A TTree as streamed: entries and top-level branches.</summary>
internal sealed record TreeInfo(string ClassName, string Name, string Title, long Entries, IReadOnlyList<BranchInfo> Branches);
