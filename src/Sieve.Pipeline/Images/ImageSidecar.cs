using System.Text.Json;

namespace Sieve.Pipeline.Images;

/// <summary>Reads what a later step needs from the description `sieve images` writes beside an array (FILE.npy.json).</summary>
public static class ImageSidecar
{
    /// <summary>
    /// Whether <paramref name="arrayPath"/> has a sidecar that marks its images synthetic, so that a model
    /// trained on them carries the label on (no sidecar, or one that cannot be read, is not synthetic:
    /// the sidecar is a description, never needed to read the array).
    /// </summary>
    public static bool IsSynthetic(string arrayPath)
    {
        ArgumentNullException.ThrowIfNull(arrayPath);
        string path = ImagesWorkflow.SidecarOf(arrayPath);
        if (!File.Exists(path))
        {
            return false;
        }

        try
        {
            using JsonDocument doc = JsonDocument.Parse(File.ReadAllText(path));
            return doc.RootElement.ValueKind == JsonValueKind.Object
                   && doc.RootElement.TryGetProperty("synthetic", out JsonElement flag) && flag.ValueKind == JsonValueKind.True;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
