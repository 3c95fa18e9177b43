using Sieve.Models.Autoencoders;

namespace Sieve.Pipeline.Benchmarks;

/// <summary>A `sieve bench` run: which measurement, on which model shape, for how long.</summary>
/// <param name="Kind">What to measure.</param>
/// <param name="Preset">Model preset (<see cref="ModelCatalogue.Presets"/>).</param>
/// <param name="Features">Input features F; null for the preset's own (57 for l1-57, 60 for dense-60, else 4).</param>
/// <param name="Latent">Latent size; null for the preset's default.</param>
/// <param name="Batch">Rows per call: per score call, per latency sample, per training step.</param>
/// <param name="Seconds">Time each engine is measured for, after a warm-up.</param>
/// <param name="Threads">Threads (native kernels, libtorch); null for all cores.</param>
/// <param name="Seed">Seed of the weights and the synthetic rows.</param>
/// <param name="EncoderOnly">Score and latency of a VAE of the preset's shape by its encoder alone: R_z = sum mu^2 / sigma^2, no decoder (a Level-1 trigger's score).</param>
public sealed record BenchRequest(BenchKind Kind, string Preset = "small", int? Features = null, int? Latent = null, int? Batch = null,
    double Seconds = 3, int? Threads = null, int Seed = 1, bool EncoderOnly = false)
{
    /// <summary>The preset's natural input width where it is named after one, else 4 (a jet's four-vector).</summary>
    public int FeatureCount => Features ?? Preset.ToLowerInvariant() switch
    {
        "l1-57" => 57,
        "dense-60" => 60,
        _ => 4,
    };

    /// <summary>Rows per call: 65,536 for throughput (one chunk of `sieve score`), 1 for latency, 256 for training.</summary>
    public int BatchRows => Batch ?? Kind switch
    {
        BenchKind.Score => 65_536,
        BenchKind.Latency => 1,
        _ => 256,
    };

    /// <summary>Checks the settings.</summary>
    public void Validate()
    {
        if (EncoderOnly && Kind == BenchKind.Train)
        {
            throw new ArgumentException("--encoder-only measures score and latency; training needs the decoder.");
        }

        if (FeatureCount < 1 || BatchRows < 1 || !(Seconds > 0) || Threads is < 1)
        {
            throw new ArgumentException($"bench needs at least one feature, one row per batch, a positive time and at least one thread (got F = {FeatureCount}, batch {BatchRows}, {Seconds} s, {Threads} threads).");
        }
    }
}
