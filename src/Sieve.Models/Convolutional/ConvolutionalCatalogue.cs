namespace Sieve.Models.Convolutional;

/// <summary>Named shapes of convolutional autoencoders for images.</summary>
public static class ConvolutionalCatalogue
{
    /// <summary>Preset names with a one-line description each.</summary>
    public static IReadOnlyDictionary<string, string> Presets { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["conv-cicada"] = "Level-1 calorimeter regions (CICADA-sized, e.g. 1 x 18 x 14): 16-32 filters, latent 16",
        ["conv-genie"] = "jet images (GENIE-sized, e.g. 3 x 125 x 125): 16-32-64 filters, latent 32",
    };

    /// <summary>
    /// The shape of <paramref name="preset"/> for images of (C, H, W); "auto" (or any dense preset name,
    /// which means nothing for images) picks by size: the CICADA shape up to 32 x 32, else the GENIE one.
    /// </summary>
    public static ConvolutionalOptions Create(string preset, int channels, int height, int width, int? latentSize, ImageLoss loss)
    {
        ArgumentNullException.ThrowIfNull(preset);
        string name = preset.ToLowerInvariant();
        if (!Presets.ContainsKey(name))
        {
            name = height <= 32 && width <= 32 ? "conv-cicada" : "conv-genie";
        }

        return name == "conv-cicada"
            ? new ConvolutionalOptions(channels, height, width, [16, 32], latentSize ?? 16, loss)
            : new ConvolutionalOptions(channels, height, width, [16, 32, 64], latentSize ?? 32, loss);
    }
}
