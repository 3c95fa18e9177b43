namespace Sieve.Pipeline;

/// <summary>Which ONNX graph `export --onnx` writes.</summary>
public enum OnnxForm
{
    /// <summary>QDQ when the model carries fixed-point types (fixed-point.json from quantize-model), else float.</summary>
    Auto,

    /// <summary>The float model (opset 17), whatever types the model carries.</summary>
    Float,

    /// <summary>The fixed-point model as a QDQ graph (opset 21); refused for a model without fixed-point types.</summary>
    Qdq,
}
