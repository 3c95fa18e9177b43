namespace Sieve.Pipeline;

/// <summary>What `export` wrote.</summary>
/// <param name="Path">The ONNX file or the bundle directory.</param>
/// <param name="Bytes">Bytes written (the bundle: all its files).</param>
/// <param name="Shape">The model's shape, as its options describe it.</param>
/// <param name="Variational">Whether the model is a VAE.</param>
/// <param name="Form">The graph written: float or QDQ (a bundle's ONNX is float; its types are in the configuration).</param>
/// <param name="Opset">ONNX opset of the graph.</param>
/// <param name="TypesStored">Whether the fixed-point types came with the model (quantize-model) rather than hls4ml's defaults; false for a float export.</param>
/// <param name="Files">Files of a bundle, in the order written; empty for a single ONNX file.</param>
public sealed record ExportOutcome(string Path, long Bytes, string Shape, bool Variational, OnnxForm Form, int Opset, bool TypesStored, IReadOnlyList<string> Files);
