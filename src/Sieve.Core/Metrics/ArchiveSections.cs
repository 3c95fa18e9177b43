namespace Sieve.Core.Metrics;

/// <summary>
/// The bytes of an archive by section; they add up to the archive size exactly. The normaliser
/// and schema are inside the header; the model is not in the archive (shared, referenced by hash).
/// </summary>
/// <param name="Header">Magic, version and the JSON header (schema, normaliser, model identity).</param>
/// <param name="Latents">The latent block.</param>
/// <param name="SideChannels">Lossless side channels (ids, labels, object kinds, ...).</param>
/// <param name="Framing">Block framing, the SHA-256 checksum and the end marker.</param>
public sealed record ArchiveSections(long Header, long Latents, long SideChannels, long Framing)
{
    /// <summary>Sum of the sections.</summary>
    public long Total => Header + Latents + SideChannels + Framing;
}
