namespace Sieve.Compression.Archive;

/// <summary>Size of one block of an archive.</summary>
/// <param name="Kind">Latents or side channel.</param>
/// <param name="Name">"latents", or the side channel's name.</param>
/// <param name="Codec">How the payload is stored.</param>
/// <param name="StoredBytes">Payload bytes in the file (framing not included).</param>
/// <param name="RawBytes">Payload bytes after decoding.</param>
public sealed record ArchiveBlockAccount(ArchiveBlockKind Kind, string Name, ArchiveCodec Codec, long StoredBytes, long RawBytes);
