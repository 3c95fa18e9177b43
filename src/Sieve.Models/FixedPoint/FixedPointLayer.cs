using Sieve.Models.Autoencoders;
using Sieve.Models.FixedPoint.Internal;
using Sieve.Models.Inference;

namespace Sieve.Models.FixedPoint;

/// <summary>
/// One dense layer in fixed point, computed as hls4ml's latency dense layer (<c>dense_latency</c>)
/// followed by its activation layer, bit for bit:
/// <list type="number">
/// <item>each product weight x input is formed exactly, then cast to the accumulator type
/// (hls4ml stores it in an <c>accum_t</c> array: its quantisation and overflow modes apply);</item>
/// <item>the accumulator starts at the bias cast to <c>accum_t</c> and adds the cast products in input order,
/// each sum brought back into <c>accum_t</c> (only its overflow mode can act: both terms share its grid);</item>
/// <item>the sum is cast to the layer's result type;</item>
/// <item>the activation reads that value: ReLU and leaky ReLU exactly, tanh, sigmoid and ELU from a
/// <see cref="LookupTable"/>; its output is cast to the activation's result type.</item>
/// </list>
/// </summary>
public sealed class FixedPointLayer
{
    // Slope of leaky ReLU (as the float models use).
    private const double LeakySlope = 0.01;

    private readonly long[] _weights;
    private readonly long[] _biases;
    private readonly LookupTable? _table;
    private readonly long _leakySlope;

    /// <summary>Quantises <paramref name="layer"/> into <paramref name="precision"/>; it reads values of <paramref name="inputFormat"/>.</summary>
    public FixedPointLayer(DenseLayerWeights layer, LayerPrecision precision, ApFixedFormat inputFormat)
    {
        ArgumentNullException.ThrowIfNull(layer);
        ArgumentNullException.ThrowIfNull(precision);
        ArgumentNullException.ThrowIfNull(inputFormat);
        layer.Validate();
        precision.Validate();
        InputSize = layer.InputSize;
        OutputSize = layer.OutputSize;
        Activation = layer.Activation;
        Precision = precision;
        InputFormat = inputFormat;
        _weights = new long[layer.Weights.Length];
        _biases = new long[layer.Bias.Length];
        WeightStatistics = QuantisationStatistics.Quantise(layer.Weights, precision.Weight, _weights);
        BiasStatistics = QuantisationStatistics.Quantise(layer.Bias, precision.Bias, _biases);
        if (layer.Activation is ActivationKind.Tanh or ActivationKind.Elu or ActivationKind.Silu)
        {
            _table = LookupTable.Build(layer.Activation.Value, precision.Table, precision.TableSize);
        }

        // hls4ml passes leaky ReLU's alpha as a parameter of its own type; here it is held in the table type.
        _leakySlope = precision.Table.Quantise(LeakySlope);
    }

    /// <summary>Number of inputs.</summary>
    public int InputSize { get; }

    /// <summary>Number of outputs.</summary>
    public int OutputSize { get; }

    /// <summary>Activation after the affine map, or null for a linear layer.</summary>
    public ActivationKind? Activation { get; }

    /// <summary>The layer's types.</summary>
    public LayerPrecision Precision { get; }

    /// <summary>Type of the values the layer reads.</summary>
    public ApFixedFormat InputFormat { get; }

    /// <summary>Type of the values the layer writes: the activation's result type, or the result type of a linear layer.</summary>
    public ApFixedFormat OutputFormat => Activation is null ? Precision.Result : Precision.ActivationResult;

    /// <summary>Raw weights in <see cref="LayerPrecision.Weight"/>, row-major (out, in).</summary>
    public ReadOnlySpan<long> Weights => _weights;

    /// <summary>Raw biases in <see cref="LayerPrecision.Bias"/>.</summary>
    public ReadOnlySpan<long> Biases => _biases;

    /// <summary>The activation's lookup table, or null.</summary>
    public LookupTable? Table => _table;

    /// <summary>What quantising the weights did.</summary>
    public QuantisationStatistics WeightStatistics { get; }

    /// <summary>What quantising the biases did.</summary>
    public QuantisationStatistics BiasStatistics { get; }

    /// <summary>Computes the layer on raw inputs (in <see cref="InputFormat"/>), writing raw outputs (in <see cref="OutputFormat"/>).</summary>
    public void Forward(ReadOnlySpan<long> input, Span<long> output)
    {
        if (input.Length != InputSize || output.Length != OutputSize)
        {
            throw new ArgumentException($"a {InputSize} -> {OutputSize} layer got {input.Length} inputs and room for {output.Length} outputs.");
        }

        ApFixedFormat acc = Precision.Accumulator;
        int productFraction = Precision.Weight.FractionBits + InputFormat.FractionBits;

        // Products of two raw values of at most 62 bits together fit in 64 bits: the common case. With
        // truncation (the default) the cast of a product to a coarser accumulator is a plain shift.
        bool narrow = Precision.Weight.Width + InputFormat.Width <= 62;
        int shift = productFraction - acc.FractionBits;
        bool shiftOnly = narrow && acc.Quantisation == QuantisationMode.Truncate && shift >= 0 && shift <= 62;
        long min = acc.MinRaw, max = acc.MaxRaw;
        for (int o = 0; o < OutputSize; o++)
        {
            long sum = acc.FromRaw(_biases[o], Precision.Bias.FractionBits);
            ReadOnlySpan<long> row = _weights.AsSpan(o * InputSize, InputSize);
            for (int i = 0; i < row.Length; i++)
            {
                long product = shiftOnly ? (row[i] * input[i]) >> shift
                    : narrow ? acc.FromRaw(row[i] * input[i], productFraction) : acc.FromRaw((Int128)row[i] * input[i], productFraction);
                if (product < min || product > max)
                {
                    product = RawArithmetic.Overflow(product, acc.Width, acc.Signed, acc.Overflow);
                }

                long next = sum + product;
                sum = next >= min && next <= max ? next : RawArithmetic.Overflow(next, acc.Width, acc.Signed, acc.Overflow);
            }

            long affine = Precision.Result.FromRaw(sum, acc.FractionBits);
            output[o] = Activate(affine);
        }
    }

    // The activation layer on one value of the result type.
    private long Activate(long x)
    {
        ApFixedFormat from = Precision.Result;
        ApFixedFormat to = Precision.ActivationResult;
        switch (Activation)
        {
            case null:
                return x;
            case ActivationKind.Relu:
                return x > 0 ? to.FromRaw(x, from.FractionBits) : 0;
            case ActivationKind.LeakyRelu:
                return x > 0 ? to.FromRaw(x, from.FractionBits) : to.FromRaw((Int128)_leakySlope * x, Precision.Table.FractionBits + from.FractionBits);
            case ActivationKind.Tanh:
                return to.FromRaw(_table!.Lookup(x, from.FractionBits), Precision.Table.FractionBits);
            case ActivationKind.Elu:
                return x >= 0 ? to.FromRaw(x, from.FractionBits) : to.FromRaw(_table!.Lookup(x, from.FractionBits), Precision.Table.FractionBits);
            case ActivationKind.Silu:
                // Not an hls4ml activation: x times the sigmoid table's entry, the exact product cast to the result type.
                return to.FromRaw((Int128)x * _table!.Lookup(x, from.FractionBits), from.FractionBits + Precision.Table.FractionBits);
            default:
                throw new InvalidOperationException($"no fixed-point form of {Activation}.");
        }
    }
}
