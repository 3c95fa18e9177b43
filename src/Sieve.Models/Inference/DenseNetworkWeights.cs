namespace Sieve.Models.Inference;

/// <summary>A chain of dense layers, input first: what the fast and the fixed-point inference paths run.</summary>
public sealed record DenseNetworkWeights
{
    /// <summary>Wraps and checks a chain of layers whose sizes join up.</summary>
    public DenseNetworkWeights(IReadOnlyList<DenseLayerWeights> layers)
    {
        ArgumentNullException.ThrowIfNull(layers);
        if (layers.Count == 0)
        {
            throw new ArgumentException("a network needs at least one layer.", nameof(layers));
        }

        for (int i = 0; i < layers.Count; i++)
        {
            layers[i].Validate();
            if (i > 0 && layers[i].InputSize != layers[i - 1].OutputSize)
            {
                throw new ArgumentException($"layer {i} reads {layers[i].InputSize} values but layer {i - 1} writes {layers[i - 1].OutputSize}.", nameof(layers));
            }
        }

        Layers = layers;
    }

    /// <summary>The layers, input first.</summary>
    public IReadOnlyList<DenseLayerWeights> Layers { get; }

    /// <summary>Number of inputs of the first layer.</summary>
    public int InputSize => Layers[0].InputSize;

    /// <summary>Number of outputs of the last layer.</summary>
    public int OutputSize => Layers[^1].OutputSize;

    /// <summary>Widest layer output (the scratch size one row needs).</summary>
    public int MaxWidth => Math.Max(InputSize, Layers.Max(l => l.OutputSize));

    /// <summary>Total number of weights and biases.</summary>
    public long ParameterCount => Layers.Sum(l => (long)l.Weights.Length + l.Bias.Length);
}
