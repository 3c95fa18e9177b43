namespace Sieve.Models.Autoencoders;

/// <summary>Named model shapes (presets) that the field uses.</summary>
public static class ModelCatalogue
{
    /// <summary>The default preset.</summary>
    public const string DefaultPreset = "hepae-4d";

    /// <summary>Preset names with a one-line description each.</summary>
    public static IReadOnlyDictionary<string, string> Presets { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
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
            "hepae-4d" => new DenseAutoencoderOptions(inputSize, [200, 100, 50], latentSize ?? 3, ActivationKind.Tanh),
            "small" => new DenseAutoencoderOptions(inputSize, [64, 32], latentSize ?? 3, ActivationKind.Tanh),
            "wide" => new DenseAutoencoderOptions(inputSize, [400, 200, 100], latentSize ?? 3, ActivationKind.Tanh),
            "l1-57" => new DenseAutoencoderOptions(inputSize, [32, 16], latentSize ?? 3, ActivationKind.Relu),
            "dense-60" => new DenseAutoencoderOptions(inputSize, [128, 64, 32], latentSize ?? 3, ActivationKind.Relu),
            _ => throw new ArgumentException($"unknown preset '{preset}'; known presets: {string.Join(", ", Presets.Keys)}."),
        };
    }
}
