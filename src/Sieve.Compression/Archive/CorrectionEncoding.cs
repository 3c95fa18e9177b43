using System.Text.Json.Nodes;

namespace Sieve.Compression.Archive;

/// <summary>
/// Quantised corrections on top of a decoder's output (header <c>corrections</c>, version 4): one
/// int per table cell, stored in a corrections block right after the latents. The final value is
/// g^-1(g(decoded) + correction * step) with the quantiser's per-feature transform g and step, so
/// an error bound or RMS target holds whatever the autoencoder got wrong.
/// </summary>
/// <param name="Quantiser">Per-feature transforms and steps, as the caller serialised them (opaque to the archive).</param>
/// <param name="Quantisation">Uniform (what bounds need) or trellis (RMS targets).</param>
/// <param name="Rows">Rows; equals the schema's row count.</param>
/// <param name="Dims">Corrections per row; equals the number of features.</param>
/// <param name="Target">What the corrections guarantee, as given (e.g. "max_error: pt=0.5%,...").</param>
public sealed record CorrectionEncoding(JsonNode Quantiser, LatentQuantisation Quantisation, int Rows, int Dims, string Target);
