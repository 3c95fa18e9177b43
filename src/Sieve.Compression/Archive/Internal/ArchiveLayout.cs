namespace Sieve.Compression.Archive.Internal;

/// <summary>The parsed structure of an archive: header and block locations, payloads not yet decoded.</summary>
internal sealed record ArchiveLayout(ArchiveHeader Header, int HeaderLength, IReadOnlyList<BlockLocation> Blocks);
