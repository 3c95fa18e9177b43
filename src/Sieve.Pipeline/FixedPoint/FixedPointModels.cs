using Sieve.Models.Autoencoders;
using Sieve.Models.Checkpoints;
using Sieve.Models.FixedPoint;
using Sieve.Models.Inference;

namespace Sieve.Pipeline;

/// <summary>The steps `quantize-model` and its scan share: a fixed-point configuration from the options, and a model's float weights.</summary>
public static class FixedPointModels
{
    /// <summary>
    /// The configuration from --precision, --per-layer and --accumulator: the file's entries with the
    /// command line's precision and accumulator on top. One of --precision and the file's precision is needed.
    /// </summary>
    public static FixedPointConfig Config(string? precision, string? perLayerFile, string? accumulator)
    {
        FixedPointConfig? file = perLayerFile is null ? null : FixedPointModelFile.ReadConfig(perLayerFile);
        ApFixedFormat? given = precision is null ? null : ApFixedFormat.Parse(precision);
        ApFixedFormat main = given ?? file?.Precision
            ?? throw new ArgumentException("give the fixed-point type with --precision (e.g. 'ap_fixed<16,6>'), or a \"precision\" in the --per-layer file.");
        FixedPointConfig config = file is null ? new FixedPointConfig(main) : file with { Precision = main };
        return accumulator is null ? config : config with { Accumulator = ApFixedFormat.Parse(accumulator) };
    }

    /// <summary>A model's manifest and float weights.</summary>
    /// <exception cref="ArgumentException">The model is not a dense autoencoder.</exception>
    public static (ModelManifest Manifest, AutoencoderWeights Weights) Load(string modelDirectory)
    {
        (IAutoencoder model, ModelManifest manifest) = ModelCheckpoint.Load(modelDirectory);
        using (model)
        {
            AutoencoderWeights weights = AutoencoderWeightsExport.TryFrom(model)
                ?? throw new ArgumentException($"{modelDirectory}: fixed-point emulation covers dense autoencoders and VAEs; this model ({model.GetType().Name}) is not one.");
            return (manifest, weights);
        }
    }
}
