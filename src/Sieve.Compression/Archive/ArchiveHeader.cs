using System.Text.Json.Nodes;

namespace Sieve.Compression.Archive;

/// <summary>
/// The self-describing header of a <c>.sieve</c> archive, stored as UTF-8 JSON with snake_case
/// names. Written deterministically (fixed member order, format options sorted by key, no
/// timestamps): the same header always gives the same bytes.
/// </summary>
/// <param name="Tool">Writer name and version, e.g. "sieve 0.1.0".</param>
/// <param name="Schema">The compressed table's shape and provenance.</param>
/// <param name="Model">The model whose decoder reverses the latents.</param>
/// <param name="Normaliser">The fitted normaliser as the caller serialised it; stored verbatim, may be null.</param>
/// <param name="Latent">Shape and element type of the latent block.</param>
public sealed record ArchiveHeader(
    string Tool,
    ArchiveSchema Schema,
    ModelIdentity Model,
    JsonNode? Normaliser,
    LatentEncoding Latent)
{
    /// <summary>Format version (header <c>format_version</c>); 1 to <see cref="ArchiveFormat.CurrentVersion"/>.</summary>
    public int FormatVersion { get; init; } = 1;

    /// <summary>
    /// Whether the model's files travel in the archive (header <c>model_embedded</c>, version 4): the
    /// archive then decompresses on its own, and its size counts the model.
    /// </summary>
    public bool ModelEmbedded { get; init; }

    /// <summary>Corrections stored after the latents (version 4); null when the archive has none.</summary>
    public CorrectionEncoding? Corrections { get; init; }
}
