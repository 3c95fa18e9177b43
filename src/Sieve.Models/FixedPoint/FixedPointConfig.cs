using Sieve.Models.Inference;

namespace Sieve.Models.FixedPoint;

/// <summary>
/// A fixed-point configuration as a user writes it, like hls4ml's: a model-wide default type, an
/// optional accumulator and input type, and per-layer entries named <c>encoder.0</c>, ...,
/// <c>decoder.0</c>, ..., <c>log_variance</c>.
/// </summary>
/// <param name="Precision">Default type of everything (hls4ml's <c>Model: Precision</c>).</param>
/// <param name="Accumulator">Default accumulator type; null = <paramref name="Precision"/>, as hls4ml's default.</param>
/// <param name="Input">Type of the input; null = <paramref name="Precision"/>.</param>
/// <param name="Layers">Per-layer entries by layer name; null = none.</param>
/// <param name="Table">Default table_t; null = ap_fixed&lt;18,8&gt;.</param>
/// <param name="TableSize">Default table_size; null = 1024.</param>
public sealed record FixedPointConfig(ApFixedFormat Precision, ApFixedFormat? Accumulator = null, ApFixedFormat? Input = null,
    IReadOnlyDictionary<string, LayerPrecisionOverride>? Layers = null, ApFixedFormat? Table = null, int? TableSize = null)
{
    /// <summary>Every type for the network of <paramref name="weights"/>.</summary>
    /// <exception cref="ArgumentException">A per-layer entry names a layer the network does not have (the message lists those it has).</exception>
    public FixedPointPrecision Resolve(AutoencoderWeights weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentNullException.ThrowIfNull(Precision);
        LayerPrecision defaults = LayerPrecision.Uniform(Precision, Accumulator) with
        {
            Table = Table ?? LayerPrecision.DefaultTable,
            TableSize = TableSize ?? LayerPrecision.DefaultTableSize,
        };
        var names = new List<string>();
        LayerPrecision For(string name)
        {
            names.Add(name);
            return Layers is not null && Layers.TryGetValue(name, out LayerPrecisionOverride? entry) && entry is not null ? entry.Over(defaults) : defaults;
        }

        LayerPrecision[] encoder = [.. Enumerable.Range(0, weights.Encoder.Layers.Count).Select(i => For(FixedPointPrecision.EncoderLayerName(i)))];
        LayerPrecision[] decoder = [.. Enumerable.Range(0, weights.Decoder.Layers.Count).Select(i => For(FixedPointPrecision.DecoderLayerName(i)))];
        LayerPrecision? logVariance = weights.IsVariational ? For(FixedPointPrecision.LogVarianceLayerName) : null;
        if (Layers is not null && Layers.Keys.FirstOrDefault(k => !names.Contains(k)) is { } unknown)
        {
            throw new ArgumentException($"the fixed-point configuration names layer '{unknown}', but the model's layers are {string.Join(", ", names)}.");
        }

        return new FixedPointPrecision(Input ?? Precision, encoder, decoder, logVariance);
    }
}
