namespace Sieve.Compression.Coding;

/// <summary>
/// The model one symbol stream was coded with, as <see cref="ModelKind.Best"/> chose it by measuring
/// every candidate: the kind, and for <see cref="ModelKind.Smooth"/> and <see cref="ModelKind.Split"/>
/// the bin width 2^p. Later streams of the same kind (the same column and context in the next
/// chunk of an archive) are coded with it directly, so the measuring runs once per archive instead
/// of once per chunk; the model's table is still fitted to each stream's own histogram.
/// </summary>
/// <param name="Kind">Static, Adaptive, Smooth or Split.</param>
/// <param name="BinWidthLog2">p of the bins of a Smooth or Split model; 0 otherwise.</param>
public sealed record StreamCoding(ModelKind Kind, int BinWidthLog2 = 0);
