namespace Sieve.Compression.Archive;

/// <summary>The bytes of one column of a table-coded latent block (archive version 4), and how it was coded.</summary>
/// <param name="Column">Latent column (0-based).</param>
/// <param name="Name">The feature name when the latents are the features themselves (quantize), else z0, z1, ...</param>
/// <param name="Bytes">Bytes of the column in the block: its plan, models and payload.</param>
/// <param name="PredictedFrom">Name of the column it is predicted from; null when it is not.</param>
/// <param name="ContextFrom">Name of the column that picks its contexts; null when it has one model.</param>
/// <param name="Contexts">Number of contexts (1 without).</param>
public sealed record LatentColumnAccount(int Column, string Name, long Bytes, string? PredictedFrom, string? ContextFrom, int Contexts);
