namespace Sieve.Pipeline.Generation;

/// <summary>What <c>sieve generate</c> wrote (also its JSON summary).</summary>
/// <param name="Output">The file written.</param>
/// <param name="Rows">Rows generated.</param>
/// <param name="Features">Feature names, in the file's column order.</param>
/// <param name="RowKind">"events", "objects" (per-object model) or "slot rows" (slot layouts).</param>
/// <param name="Source">prior or fitted.</param>
/// <param name="LatentSize">Latent dimensions.</param>
/// <param name="Seed">Seed of the draws.</param>
/// <param name="Temperature">Latent spread scale.</param>
/// <param name="ModelSha256">Identity of the model's weights.</param>
/// <param name="Note">Why the rows are what they are (a layout that cannot be turned back into events), or null.</param>
/// <param name="Seconds">Wall time.</param>
public sealed record GenerateOutcome(string Output, int Rows, IReadOnlyList<string> Features, string RowKind, string Source, int LatentSize, int Seed,
    double Temperature, string ModelSha256, string? Note, double Seconds);
