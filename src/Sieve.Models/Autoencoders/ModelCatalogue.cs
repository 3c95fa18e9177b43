namespace Sieve.Models.Autoencoders;

/// <summary>Named model shapes (presets) that the field uses.</summary>
public static class ModelCatalogue
{
    /// <summary>The default preset: a shape chosen for the number of inputs (<see cref="Auto"/>).</summary>
    public const string DefaultPreset = "auto";

    /// <summary>Preset names with a one-line description each.</summary>
    public static IReadOnlyDictionary<string, string> Presets { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["auto"] = "chosen for F: the hepae-4d shape for up to 8 inputs (the 4 -> 3 jet AE); F -> W -> W/2 -> Z for more, W = the power of 2 from 64 at or above 2F, Z = F/7 rounded, 3 to 16 (HiggsML's 29 -> 64 -> 32 -> 4)",
        ["hepae-4d"] = "HEPAutoencoders jet AE: F -> 200 -> 100 -> 50 -> Z (default Z = 3), tanh, mirrored decoder",
        ["small"] = "F -> 64 -> 32 -> Z, tanh: quick experiments",
        ["wide"] = "F -> 400 -> 200 -> 100 -> Z, tanh: more capacity for the 4 -> 3 jet AE",
        ["l1-57"] = "Level-1 trigger AE: F (57) -> 32 -> 16 -> Z (default 3), ReLU, mirrored",
        ["dense-60"] = "recent trigger studies: F -> 128 -> 64 -> 32 -> Z (default 3), ReLU, mirrored",
    };

    /// <summary>Builds the options of a preset for F inputs and an optional latent size.</summary>
    public static DenseAutoencoderOptions Create(string preset, int inputSize, int? latentSize = null)
    {
        ArgumentNullException.ThrowIfNull(preset);
        return preset.ToLowerInvariant() switch
        {
            "auto" => Auto(inputSize, latentSize),
            "hepae-4d" => new DenseAutoencoderOptions(inputSize, [200, 100, 50], latentSize ?? 3, ActivationKind.Tanh),
            "small" => new DenseAutoencoderOptions(inputSize, [64, 32], latentSize ?? 3, ActivationKind.Tanh),
            "wide" => new DenseAutoencoderOptions(inputSize, [400, 200, 100], latentSize ?? 3, ActivationKind.Tanh),
            "l1-57" => new DenseAutoencoderOptions(inputSize, [32, 16], latentSize ?? 3, ActivationKind.Relu),
            "dense-60" => new DenseAutoencoderOptions(inputSize, [128, 64, 32], latentSize ?? 3, ActivationKind.Relu),
            _ => throw new ArgumentException($"unknown preset '{preset}'; known presets: {string.Join(", ", Presets.Keys)}."),
        };
    }

    /// <summary>
    /// The default shape for F inputs. Few inputs (jets' 4-vectors) take the classic HEPAutoencoders
    /// network; wider tables a funnel twice as wide as the input, whose latent grows with F: the
    /// 4 -> 200 -> 100 -> 50 -> 3 jet network on HiggsML's 29 features reached AUC 0.604 where
    /// 29 -> 64 -> 32 -> 4 reached 0.642 (README, HiggsML benchmark).
    /// </summary>
    public static DenseAutoencoderOptions Auto(int inputSize, int? latentSize = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(inputSize, 1);
        if (inputSize <= 8)
        {
            return new DenseAutoencoderOptions(inputSize, [200, 100, 50], latentSize ?? 3, ActivationKind.Tanh);
        }

        int width = 64;
        while (width < 2 * inputSize)
        {
            width *= 2;
        }

        int latent = latentSize ?? Math.Clamp((int)Math.Round(inputSize / 7.0), 3, 16);
        return new DenseAutoencoderOptions(inputSize, [width, width / 2], latent, ActivationKind.Tanh);
    }
}
