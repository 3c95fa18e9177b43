using Sieve.Models.Inference;

namespace Sieve.Models.FixedPoint;

/// <summary>
/// What a dense autoencoder costs on an FPGA at one weight width and reuse factor, counted from
/// its shape: multiplications per inference and weight bits are exact; the multipliers (one per
/// <see cref="ReuseFactor"/> multiplications, as hls4ml shares them) and the latency are a
/// first-order estimate, not a synthesis result: per dense layer R cycles of multiplications, an
/// adder tree of ceil(log2 n_in) levels and one cycle for the activation, layers one after another
/// (hls4ml's io_parallel latency strategy). HLS synthesis reports give the real numbers.
/// </summary>
/// <param name="Multiplications">Multiplications per inference (every layer of the encoder, decoder and log-variance head).</param>
/// <param name="WeightBits">Bits of all weights and biases at the given width.</param>
/// <param name="Multipliers">Estimated multipliers: sum over layers of ceil(n_in x n_out / R).</param>
/// <param name="LatencyCycles">Estimated latency in clock cycles.</param>
/// <param name="ReuseFactor">R: multiplications each multiplier does per inference.</param>
public sealed record ResourceEstimate(long Multiplications, long WeightBits, long Multipliers, int LatencyCycles, int ReuseFactor)
{
    /// <summary>The estimate for <paramref name="weights"/> with every weight and bias <paramref name="totalBits"/> wide.</summary>
    /// <param name="weights">The model.</param>
    /// <param name="totalBits">Width W of the weights and biases.</param>
    /// <param name="reuseFactor">hls4ml's ReuseFactor (1 = fully parallel).</param>
    /// <param name="encoderOnly">Count the encoder (and log-variance head) alone, as a trigger scoring R_z runs it.</param>
    public static ResourceEstimate Of(AutoencoderWeights weights, int totalBits, int reuseFactor = 1, bool encoderOnly = false)
    {
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentOutOfRangeException.ThrowIfLessThan(totalBits, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(reuseFactor, 1);
        var layers = new List<DenseLayerWeights>(weights.Encoder.Layers);
        if (weights.LogVarianceHead is { } head)
        {
            layers.Add(head);
        }

        if (!encoderOnly)
        {
            layers.AddRange(weights.Decoder.Layers);
        }

        long multiplications = 0, bits = 0, multipliers = 0;
        foreach (DenseLayerWeights layer in layers)
        {
            long products = (long)layer.InputSize * layer.OutputSize;
            multiplications += products;
            bits += (products + layer.OutputSize) * totalBits;
            multipliers += (products + reuseFactor - 1) / reuseFactor;
        }

        // The log-variance head runs beside the mean head, so it adds no cycles of its own.
        IEnumerable<DenseLayerWeights> chain = encoderOnly ? weights.Encoder.Layers : weights.Encoder.Layers.Concat(weights.Decoder.Layers);
        int cycles = chain.Sum(l => reuseFactor + (int)Math.Ceiling(Math.Log2(Math.Max(2, l.InputSize))) + 1);
        return new ResourceEstimate(multiplications, bits, multipliers, cycles, reuseFactor);
    }
}
