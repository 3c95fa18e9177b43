using Onnx;
using Sieve.Models.FixedPoint;

namespace Sieve.Models.Export;

/// <summary>
/// A cast into an <see cref="ApFixedFormat"/> written as ONNX nodes on a float tensor. With power-of-two
/// scales 2^-F and zero point 0 every value of the type is a float32 (for W &lt;= 24), so the cast is:
/// <list type="bullet">
/// <item>W &lt;= 16: QuantizeLinear into INT8/UINT8 (W &lt;= 8) or INT16/UINT16 (opset 21), then
/// DequantizeLinear; when W is narrower than that integer, a Clip to the type's range first
/// (its bounds lie on the grid, so clipping before rounding equals clipping after);</item>
/// <item>W &gt; 16 (QuantizeLinear has no 32-bit output): Mul by 2^F, Round, Clip to the raw range,
/// Mul by 2^-F; exact for W &lt;= 24, for wider types float32's own 24-bit significand rounds.</item>
/// </list>
/// Both round half to even (QuantizeLinear's rounding, and Round's) and saturate: the cast is exactly
/// the format's when its modes are AP_RND_CONV and AP_SAT; other modes differ by at most one step
/// (rounding) or, on an overflow, by what wrapping would have done (docs/hls4ml.md).
/// </summary>
internal static class QdqCast
{
    /// <summary>Widest type QuantizeLinear can hold (INT16/UINT16, opset 21).</summary>
    public const int MaxQuantizeLinearWidth = 16;

    /// <summary>Appends the cast of <paramref name="input"/> into <paramref name="format"/>; returns the output's name (<paramref name="output"/> when given).</summary>
    public static string Append(GraphProto graph, string name, ApFixedFormat format, string input, string? output = null)
    {
        string result = output ?? $"{name}.dq";
        if (format.Width <= MaxQuantizeLinearWidth)
        {
            TensorProto.Types.DataType type = StorageType(format);
            int storageBits = format.Width <= 8 ? 8 : 16;
            string x = input;
            if (format.Width != storageBits)
            {
                graph.Initializer.Add(OnnxProtos.Scalar($"{name}.min", (float)format.MinValue));
                graph.Initializer.Add(OnnxProtos.Scalar($"{name}.max", (float)format.MaxValue));
                graph.Node.Add(OnnxProtos.Node("Clip", $"{name}.range", [input, $"{name}.min", $"{name}.max"], [$"{name}.clipped"]));
                x = $"{name}.clipped";
            }

            graph.Initializer.Add(OnnxProtos.Scalar($"{name}.scale", Scale(format)));
            graph.Initializer.Add(OnnxProtos.IntTensor($"{name}.zero_point", type, [0], []));
            graph.Node.Add(OnnxProtos.Node("QuantizeLinear", $"{name}.quantize", [x, $"{name}.scale", $"{name}.zero_point"], [$"{name}.q"]));
            graph.Node.Add(OnnxProtos.Node("DequantizeLinear", $"{name}.dequantize", [$"{name}.q", $"{name}.scale", $"{name}.zero_point"], [result]));
            return result;
        }

        graph.Initializer.Add(OnnxProtos.Scalar($"{name}.inverse_scale", (float)Math.ScaleB(1.0, format.FractionBits)));
        graph.Initializer.Add(OnnxProtos.Scalar($"{name}.scale", Scale(format)));
        graph.Initializer.Add(OnnxProtos.Scalar($"{name}.raw_min", format.MinRaw));
        graph.Initializer.Add(OnnxProtos.Scalar($"{name}.raw_max", format.MaxRaw));
        graph.Node.Add(OnnxProtos.Node("Mul", $"{name}.to_raw", [input, $"{name}.inverse_scale"], [$"{name}.raw"]));
        graph.Node.Add(OnnxProtos.Node("Round", $"{name}.round", [$"{name}.raw"], [$"{name}.rounded"]));
        graph.Node.Add(OnnxProtos.Node("Clip", $"{name}.range", [$"{name}.rounded", $"{name}.raw_min", $"{name}.raw_max"], [$"{name}.clipped"]));
        graph.Node.Add(OnnxProtos.Node("Mul", $"{name}.from_raw", [$"{name}.clipped", $"{name}.scale"], [result]));
        return result;
    }

    /// <summary>The DequantizeLinear scale of a type: its step 2^-F.</summary>
    public static float Scale(ApFixedFormat format) => (float)format.Lsb;

    /// <summary>The integer element type that holds every raw value of <paramref name="format"/>: INT8/UINT8, INT16/UINT16, else INT32.</summary>
    /// <exception cref="ArgumentException">A 32-bit unsigned type (no ONNX integer DequantizeLinear reads holds it).</exception>
    public static TensorProto.Types.DataType StorageType(ApFixedFormat format)
    {
        ArgumentNullException.ThrowIfNull(format);
        return (format.Signed, format.Width) switch
        {
            (true, <= 8) => TensorProto.Types.DataType.Int8,
            (false, <= 8) => TensorProto.Types.DataType.Uint8,
            (true, <= 16) => TensorProto.Types.DataType.Int16,
            (false, <= 16) => TensorProto.Types.DataType.Uint16,
            (_, <= 31) or (true, 32) => TensorProto.Types.DataType.Int32,
            _ => throw new ArgumentException($"{format}: a 32-bit unsigned type has no integer form DequantizeLinear reads (INT32 holds 31 bits unsigned); use ap_fixed or 31 bits."),
        };
    }
}
