namespace Sieve.Models.FixedPoint;

/// <summary>
/// The fixed-point types of one dense layer, as hls4ml's per-layer configuration names them:
/// weight_t, bias_t, accum_t and result_t of the Dense layer, then result_t and table_t of its
/// activation layer (hls4ml runs the activation as a layer of its own).
/// </summary>
/// <param name="Weight">Type the weights are stored in (weight_t).</param>
/// <param name="Bias">Type the biases are stored in (bias_t).</param>
/// <param name="Accumulator">Type of each product and of the running sum (accum_t).</param>
/// <param name="Result">Type of the affine output W x + b (the Dense layer's result_t); the layer's output when it has no activation.</param>
/// <param name="ActivationResult">Type of the activation's output (the activation layer's result_t).</param>
/// <param name="Table">Type of the entries of a lookup-table activation (table_t; hls4ml's default is ap_fixed&lt;18,8&gt;).</param>
/// <param name="TableSize">Entries of a lookup table (hls4ml's default 1024).</param>
public sealed record LayerPrecision(ApFixedFormat Weight, ApFixedFormat Bias, ApFixedFormat Accumulator, ApFixedFormat Result, ApFixedFormat ActivationResult,
    ApFixedFormat Table, int TableSize = LayerPrecision.DefaultTableSize)
{
    /// <summary>hls4ml's default table_size.</summary>
    public const int DefaultTableSize = 1024;

    /// <summary>hls4ml's default table_t: ap_fixed&lt;18,8&gt;.</summary>
    public static ApFixedFormat DefaultTable { get; } = new(18, 8);

    /// <summary>
    /// One precision for everything, hls4ml's model-level default: weights, biases, results and the
    /// accumulator all in <paramref name="precision"/> unless <paramref name="accumulator"/> is given.
    /// </summary>
    public static LayerPrecision Uniform(ApFixedFormat precision, ApFixedFormat? accumulator = null)
    {
        ArgumentNullException.ThrowIfNull(precision);
        return new LayerPrecision(precision, precision, accumulator ?? precision, precision, precision, DefaultTable);
    }

    /// <summary>Checks the table size: a power of two from 16 (then the index arithmetic divides exactly, as with hls4ml's sizes).</summary>
    public void Validate()
    {
        if (TableSize < 16 || TableSize > (1 << 20) || (TableSize & (TableSize - 1)) != 0)
        {
            throw new ArgumentException($"a lookup table needs a power-of-two size from 16 to 1048576 entries, got {TableSize}.");
        }
    }
}
