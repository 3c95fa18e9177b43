namespace Sieve.Models.Checkpoints;

/// <summary>
/// How a model treats missing cells: the marker in its inputs (e.g. -999) and the per-feature value
/// that replaces it before normalisation (mean of present training values). Masked cells never
/// count in the loss; archives record where they were and decompression puts the marker back.
/// </summary>
/// <param name="Marker">Missing-value marker.</param>
/// <param name="Fills">Per-feature fill values, in feature order.</param>
public sealed record MissingValuePolicy(double Marker, IReadOnlyList<double> Fills);
