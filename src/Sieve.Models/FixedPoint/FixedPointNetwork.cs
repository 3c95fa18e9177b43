using Sieve.Models.Inference;

namespace Sieve.Models.FixedPoint;

/// <summary>A chain of <see cref="FixedPointLayer"/>s: each layer reads the previous one's output type, the first the input type.</summary>
public sealed class FixedPointNetwork
{
    /// <summary>Quantises <paramref name="weights"/> with one <see cref="LayerPrecision"/> per layer; the first layer reads <paramref name="inputFormat"/>.</summary>
    public FixedPointNetwork(DenseNetworkWeights weights, ApFixedFormat inputFormat, IReadOnlyList<LayerPrecision> precisions)
    {
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentNullException.ThrowIfNull(inputFormat);
        ArgumentNullException.ThrowIfNull(precisions);
        if (precisions.Count != weights.Layers.Count)
        {
            throw new ArgumentException($"{weights.Layers.Count} layers need as many precisions, got {precisions.Count}.", nameof(precisions));
        }

        var layers = new FixedPointLayer[weights.Layers.Count];
        ApFixedFormat reads = inputFormat;
        for (int i = 0; i < layers.Length; i++)
        {
            layers[i] = new FixedPointLayer(weights.Layers[i], precisions[i], reads);
            reads = layers[i].OutputFormat;
        }

        InputFormat = inputFormat;
        Layers = layers;
    }

    /// <summary>Type of the first layer's input.</summary>
    public ApFixedFormat InputFormat { get; }

    /// <summary>The layers, input first.</summary>
    public IReadOnlyList<FixedPointLayer> Layers { get; }

    /// <summary>Number of inputs.</summary>
    public int InputSize => Layers[0].InputSize;

    /// <summary>Type of the last layer's output.</summary>
    public ApFixedFormat OutputFormat => Layers[^1].OutputFormat;

    /// <summary>Runs every layer on raw inputs in <see cref="InputFormat"/>.</summary>
    public FixedPointVector Forward(ReadOnlySpan<long> input) => Forward(input, Layers.Count);

    /// <summary>Runs the first <paramref name="layerCount"/> layers (0 gives the input back).</summary>
    public FixedPointVector Forward(ReadOnlySpan<long> input, int layerCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(layerCount);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(layerCount, Layers.Count);
        if (input.Length != InputSize)
        {
            throw new ArgumentException($"the network reads {InputSize} values, got {input.Length}.", nameof(input));
        }

        long[] x = input.ToArray();
        ApFixedFormat format = InputFormat;
        for (int i = 0; i < layerCount; i++)
        {
            var y = new long[Layers[i].OutputSize];
            Layers[i].Forward(x, y);
            x = y;
            format = Layers[i].OutputFormat;
        }

        return new FixedPointVector(x, format);
    }
}
