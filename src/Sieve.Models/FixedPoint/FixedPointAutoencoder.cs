using Sieve.Models.Inference;

namespace Sieve.Models.FixedPoint;

/// <summary>
/// A dense autoencoder emulated in fixed point, bit for bit as hls4ml would run it: the input quantised
/// into the input type, the encoder (for a VAE its trunk and mean head) to the latent, the decoder from
/// the latent's raw values to the reconstruction, and a VAE's log-variance head on the trunk output.
/// </summary>
public sealed class FixedPointAutoencoder
{
    private readonly long _logVarianceMin;
    private readonly long _logVarianceMax;

    /// <summary>Quantises <paramref name="weights"/> with the types of <paramref name="precision"/>.</summary>
    public FixedPointAutoencoder(AutoencoderWeights weights, FixedPointPrecision precision)
    {
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentNullException.ThrowIfNull(precision);
        Weights = weights;
        Precision = precision;
        Encoder = new FixedPointNetwork(weights.Encoder, precision.Input, precision.Encoder);
        Decoder = new FixedPointNetwork(weights.Decoder, Encoder.OutputFormat, precision.Decoder);
        if (weights.LogVarianceHead is { } head)
        {
            LayerPrecision headPrecision = precision.LogVariance ?? throw new ArgumentException("a VAE needs a precision for its log-variance head.", nameof(precision));
            ApFixedFormat trunkOutput = Encoder.Layers.Count > 1 ? Encoder.Layers[^2].OutputFormat : precision.Input;
            LogVarianceHead = new FixedPointLayer(head, headPrecision, trunkOutput);

            // The clamp of log sigma^2 is a comparison with constants of the head's output type.
            _logVarianceMin = LogVarianceHead.OutputFormat.Quantise(weights.LogVarianceMin);
            _logVarianceMax = LogVarianceHead.OutputFormat.Quantise(weights.LogVarianceMax);
        }
    }

    /// <summary>Builds from a configuration as the user wrote it.</summary>
    public static FixedPointAutoencoder Create(AutoencoderWeights weights, FixedPointConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return new FixedPointAutoencoder(weights, config.Resolve(weights));
    }

    /// <summary>The float weights the emulation was quantised from.</summary>
    public AutoencoderWeights Weights { get; }

    /// <summary>Every type used.</summary>
    public FixedPointPrecision Precision { get; }

    /// <summary>Features (F) -> latent (Z): for a VAE the trunk and mean head.</summary>
    public FixedPointNetwork Encoder { get; }

    /// <summary>Latent (Z) -> features (F).</summary>
    public FixedPointNetwork Decoder { get; }

    /// <summary>A VAE's log sigma^2 head on the trunk output; null for a plain autoencoder.</summary>
    public FixedPointLayer? LogVarianceHead { get; }

    /// <summary>Number of features F.</summary>
    public int InputSize => Encoder.InputSize;

    /// <summary>The raw input of one normalised row, quantised into the input type.</summary>
    public long[] QuantiseInput(ReadOnlySpan<float> row)
    {
        if (row.Length != InputSize)
        {
            throw new ArgumentException($"the model reads {InputSize} features, got {row.Length}.", nameof(row));
        }

        var raw = new long[row.Length];
        for (int i = 0; i < row.Length; i++)
        {
            raw[i] = Precision.Input.Quantise(row[i]);
        }

        return raw;
    }

    /// <summary>The latent (a VAE's mean mu) of a raw input row.</summary>
    public FixedPointVector Encode(ReadOnlySpan<long> input) => Encoder.Forward(input);

    /// <summary>A VAE's log sigma^2 of a raw input row, clamped as the float model clamps it.</summary>
    /// <exception cref="InvalidOperationException">Not a VAE.</exception>
    public FixedPointVector LogVariance(ReadOnlySpan<long> input)
    {
        FixedPointLayer head = LogVarianceHead ?? throw new InvalidOperationException("a plain autoencoder has no log-variance head.");
        FixedPointVector trunk = Encoder.Forward(input, Encoder.Layers.Count - 1);
        var raw = new long[head.OutputSize];
        head.Forward(trunk.Raw, raw);
        for (int i = 0; i < raw.Length; i++)
        {
            raw[i] = Math.Clamp(raw[i], _logVarianceMin, _logVarianceMax);
        }

        return new FixedPointVector(raw, head.OutputFormat);
    }

    /// <summary>The reconstruction of a raw input row: encoder, then decoder on the latent's raw values.</summary>
    public FixedPointVector Reconstruct(ReadOnlySpan<long> input) => Decoder.Forward(Encode(input).Raw);
}
