namespace Sieve.Compression.Archive.Internal;

/// <summary>Where one block's payload lies in the file, as its framing declares.</summary>
/// <param name="Field">How errors name the block, e.g. "block 1 (side channel 'id')".</param>
internal sealed record BlockLocation(ArchiveBlockKind Kind, string Name, string Field, ArchiveCodec Codec, int Offset, int StoredLength, long RawLength);
