namespace Sieve.Compression.Coding;

/// <summary>How <see cref="TableCoder"/> codes one column: what predicts it and what splits it into contexts.</summary>
/// <param name="Column">The column (0-based, in the table's own order).</param>
/// <param name="Predictor">Prediction from an earlier-coded column, subtracted before coding; null for none.</param>
/// <param name="Context">Contexts from an earlier-coded column, one model each; null for one model.</param>
/// <param name="Streams">The model each of the column's streams (one per context) was coded with, to code the same streams of later tables
/// without measuring (<see cref="TableCoder.EncodeRecording"/>); null, or a null entry, for "measure" (<see cref="ModelKind.Best"/>). Not stored in the table.</param>
public sealed record ColumnPlan(int Column, LinearPredictor? Predictor, ContextBuckets? Context, IReadOnlyList<StreamCoding?>? Streams = null);
