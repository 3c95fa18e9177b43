namespace Sieve.Models.FixedPoint;

/// <summary>Every type of a fixed-point autoencoder, resolved: the input, then one <see cref="LayerPrecision"/> per layer.</summary>
/// <param name="Input">Type the normalised input is quantised into (hls4ml's input layer).</param>
/// <param name="Encoder">Per encoder layer (a VAE's trunk and mean head), input first.</param>
/// <param name="Decoder">Per decoder layer, latent first.</param>
/// <param name="LogVariance">A VAE's log-variance head; null for a plain autoencoder.</param>
public sealed record FixedPointPrecision(ApFixedFormat Input, IReadOnlyList<LayerPrecision> Encoder, IReadOnlyList<LayerPrecision> Decoder, LayerPrecision? LogVariance)
{
    /// <summary>Name of encoder layer <paramref name="index"/> in a configuration (0 = the first).</summary>
    public static string EncoderLayerName(int index) => $"encoder.{index}";

    /// <summary>Name of decoder layer <paramref name="index"/> in a configuration.</summary>
    public static string DecoderLayerName(int index) => $"decoder.{index}";

    /// <summary>Name of a VAE's log-variance head in a configuration.</summary>
    public const string LogVarianceLayerName = "log_variance";

    /// <summary>Every layer with its name, encoder first, then decoder, then the log-variance head.</summary>
    public IEnumerable<(string Name, LayerPrecision Precision)> Named()
    {
        for (int i = 0; i < Encoder.Count; i++)
        {
            yield return (EncoderLayerName(i), Encoder[i]);
        }

        for (int i = 0; i < Decoder.Count; i++)
        {
            yield return (DecoderLayerName(i), Decoder[i]);
        }

        if (LogVariance is not null)
        {
            yield return (LogVarianceLayerName, LogVariance);
        }
    }
}
