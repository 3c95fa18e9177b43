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
    /// <summary>Quantised corrections on top of the decoder's output (archive version 4); 0 without.</summary>
    public long Corrections { get; init; }

    /// <summary>Of <see cref="Header"/>: the normaliser or quantiser JSON (the corrections' quantiser included), which decoding needs.</summary>
    public long HeaderNormaliser { get; init; }

    /// <summary>The embedded model (0 when it is shared and referenced by hash).</summary>
    public long Model { get; init; }

    /// <summary>Sum of the sections (<see cref="HeaderNormaliser"/> is inside <see cref="Header"/>).</summary>
    public long Total => Header + Latents + Corrections + Model + SideChannels + Framing;
}
