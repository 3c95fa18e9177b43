using Sieve.Models.Autoencoders;

namespace Sieve.Models.FixedPoint;

/// <summary>One layer of a fixed-point model: its types and what quantisation did to its weights and biases.</summary>
/// <param name="Name">Layer name as a configuration writes it (<c>encoder.0</c>, <c>decoder.1</c>, <c>log_variance</c>).</param>
/// <param name="InputSize">Inputs.</param>
/// <param name="OutputSize">Outputs.</param>
/// <param name="Activation">Activation, or null for a linear layer.</param>
/// <param name="Input">Type the layer reads.</param>
/// <param name="Weight">weight_t.</param>
/// <param name="Bias">bias_t.</param>
/// <param name="Accumulator">accum_t.</param>
/// <param name="Result">result_t of the affine output.</param>
/// <param name="Output">Type the layer writes (the activation's result_t, or <paramref name="Result"/> for a linear layer).</param>
/// <param name="Table">table_t when the activation reads a lookup table, else null.</param>
/// <param name="TableSize">table_size when there is a table, else null.</param>
/// <param name="Weights">What quantising the weights did.</param>
/// <param name="Biases">What quantising the biases did.</param>
public sealed record LayerQuantisationSummary(string Name, int InputSize, int OutputSize, ActivationKind? Activation, ApFixedFormat Input, ApFixedFormat Weight, ApFixedFormat Bias,
    ApFixedFormat Accumulator, ApFixedFormat Result, ApFixedFormat Output, ApFixedFormat? Table, int? TableSize, QuantisationStatistics Weights, QuantisationStatistics Biases)
{
    /// <summary>Every layer of <paramref name="model"/>, encoder first, then decoder, then a VAE's log-variance head.</summary>
    public static IReadOnlyList<LayerQuantisationSummary> Of(FixedPointAutoencoder model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var layers = new List<LayerQuantisationSummary>();
        for (int i = 0; i < model.Encoder.Layers.Count; i++)
        {
            layers.Add(Of(FixedPointPrecision.EncoderLayerName(i), model.Encoder.Layers[i]));
        }

        for (int i = 0; i < model.Decoder.Layers.Count; i++)
        {
            layers.Add(Of(FixedPointPrecision.DecoderLayerName(i), model.Decoder.Layers[i]));
        }

        if (model.LogVarianceHead is { } head)
        {
            layers.Add(Of(FixedPointPrecision.LogVarianceLayerName, head));
        }

        return layers;
    }

    private static LayerQuantisationSummary Of(string name, FixedPointLayer layer)
    {
        LayerPrecision p = layer.Precision;
        return new LayerQuantisationSummary(name, layer.InputSize, layer.OutputSize, layer.Activation, layer.InputFormat, p.Weight, p.Bias, p.Accumulator, p.Result,
            layer.OutputFormat, layer.Table?.Format, layer.Table?.Size, layer.WeightStatistics, layer.BiasStatistics);
    }
}
