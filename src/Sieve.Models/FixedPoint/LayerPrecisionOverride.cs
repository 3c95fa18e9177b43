namespace Sieve.Models.FixedPoint;

/// <summary>
/// The types one layer sets in a fixed-point configuration (as an entry of hls4ml's per-layer
/// configuration); anything left out comes from the configuration's defaults.
/// </summary>
/// <param name="Precision">One type for the weights, biases, result and activation result of this layer (hls4ml's per-layer <c>Precision</c> as a single type).</param>
/// <param name="Weight">weight_t.</param>
/// <param name="Bias">bias_t.</param>
/// <param name="Accumulator">accum_t.</param>
/// <param name="Result">The affine output's result_t.</param>
/// <param name="Activation">The activation layer's result_t.</param>
/// <param name="Table">table_t of a lookup-table activation.</param>
/// <param name="TableSize">table_size.</param>
public sealed record LayerPrecisionOverride(ApFixedFormat? Precision = null, ApFixedFormat? Weight = null, ApFixedFormat? Bias = null, ApFixedFormat? Accumulator = null,
    ApFixedFormat? Result = null, ApFixedFormat? Activation = null, ApFixedFormat? Table = null, int? TableSize = null)
{
    /// <summary>Applies this entry on top of <paramref name="defaults"/>.</summary>
    public LayerPrecision Over(LayerPrecision defaults)
    {
        ArgumentNullException.ThrowIfNull(defaults);
        // A layer-wide type sets the layer's accumulator too, unless the entry gives one; the tables stay the defaults'.
        LayerPrecision start = Precision is null ? defaults : LayerPrecision.Uniform(Precision) with { Table = defaults.Table, TableSize = defaults.TableSize };
        return start with
        {
            Weight = Weight ?? start.Weight,
            Bias = Bias ?? start.Bias,
            Accumulator = Accumulator ?? start.Accumulator,
            Result = Result ?? start.Result,
            ActivationResult = Activation ?? start.ActivationResult,
            Table = Table ?? start.Table,
            TableSize = TableSize ?? start.TableSize,
        };
    }
}
