namespace Sieve.Pipeline;

/// <summary>What `quantize-model` is asked: a model, the fixed-point types, and where the quantised model goes.</summary>
/// <param name="ModelDirectory">Model directory written by `sieve train`.</param>
/// <param name="Precision">Default type of everything as text (<c>ap_fixed&lt;16,6&gt;</c>); null = the per-layer file's <c>precision</c>.</param>
/// <param name="PerLayerFile">A fixed-point configuration file (JSON: precision, accumulator, input, layers, table, table_size); null = none.</param>
/// <param name="Accumulator">Accumulator type as text; null = the file's, else the default precision (hls4ml's default).</param>
/// <param name="OutputDirectory">Directory to write: a copy of the model with <c>fixed-point.json</c> beside it; must not exist or be empty.</param>
public sealed record QuantizeModelRequest(string ModelDirectory, string? Precision, string? PerLayerFile, string? Accumulator, string OutputDirectory);
