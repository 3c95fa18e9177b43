using Sieve.Core.Tables;

namespace Sieve.Compression.Archive;

/// <summary>Everything an archive holds: header, latents and side channels.</summary>
/// <param name="Header">The header; its latent shape and side channel names must match the data.</param>
/// <param name="Latents">Latents, row-major (rows, dims), finite float32.</param>
/// <param name="SideChannels">Side channels in the order of <see cref="ArchiveSchema.SideChannelNames"/>.</param>
public sealed record ArchiveContent(ArchiveHeader Header, float[] Latents, IReadOnlyList<SideChannel> SideChannels)
{
    /// <summary>Corrections, row-major (rows, dims) as <see cref="ArchiveHeader.Corrections"/> declares; null without.</summary>
    public int[]? Corrections { get; init; }

    /// <summary>The model's files when <see cref="ArchiveHeader.ModelEmbedded"/>; null otherwise.</summary>
    public IReadOnlyList<EmbeddedFile>? EmbeddedModel { get; init; }
}
