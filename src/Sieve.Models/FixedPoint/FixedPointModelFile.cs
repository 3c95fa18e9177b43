using System.Text.Json;
using Sieve.Core.Serialization;

namespace Sieve.Models.FixedPoint;

/// <summary>
/// <c>fixed-point.json</c> beside a model's <c>model.json</c>: the fixed-point configuration the model is
/// to run with and, for the reader's benefit, each layer's resolved types and quantisation statistics.
/// A sidecar rather than a manifest field, so model directories without it (every older one) read as
/// before and tools that know nothing of fixed point never see it.
/// </summary>
public static class FixedPointModelFile
{
    /// <summary>File name inside a model directory.</summary>
    public const string FileName = "fixed-point.json";

    /// <summary>Value of the <c>format</c> field.</summary>
    public const string FormatName = "sieve-fixed-point";

    /// <summary>Version written; readers refuse newer ones.</summary>
    public const int FormatVersion = 1;

    private static readonly JsonSerializerOptions ReadOptions = new(SieveJson.Options)
    {
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
    };

    /// <summary>The document as text.</summary>
    public static string Serialize(FixedPointConfig config, IReadOnlyList<LayerQuantisationSummary> layers) =>
        JsonSerializer.Serialize(new FixedPointModelDocument(FormatName, FormatVersion, config, layers), SieveJson.Options);

    /// <summary>The configuration stored in <paramref name="directory"/>, or null when the model has none.</summary>
    /// <exception cref="InvalidDataException">The file is not a fixed-point document Sieve can read.</exception>
    public static FixedPointConfig? Read(string directory)
    {
        string path = Path.Combine(directory, FileName);
        if (!File.Exists(path))
        {
            return null;
        }

        FixedPointModelDocument? doc;
        try
        {
            doc = JsonSerializer.Deserialize<FixedPointModelDocument>(File.ReadAllText(path), SieveJson.Options);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}: not a fixed-point configuration ({e.Message}).", e);
        }

        if (doc is null || doc.Format != FormatName || doc.Config is null)
        {
            throw new InvalidDataException($"{path}: expected format '{FormatName}' with a config.");
        }

        if (doc.FormatVersion > FormatVersion)
        {
            throw new InvalidDataException($"{path}: format_version {doc.FormatVersion} is newer than this Sieve reads ({FormatVersion}); update Sieve.");
        }

        return doc.Config;
    }

    /// <summary>Reads a configuration file a user wrote (the <c>config</c> part alone: precision, accumulator, input, layers, table, table_size).</summary>
    /// <exception cref="InvalidDataException">Not valid JSON, an unknown field, or a type that does not parse.</exception>
    public static FixedPointConfig ReadConfig(string path)
    {
        try
        {
            return JsonSerializer.Deserialize<FixedPointConfig>(File.ReadAllText(path), ReadOptions)
                ?? throw new InvalidDataException($"{path}: empty fixed-point configuration.");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}: {e.Message} Expected e.g. {{\"precision\": \"ap_fixed<16,6>\", \"layers\": {{\"encoder.0\": {{\"weight\": \"ap_fixed<8,2>\"}}}}}}.", e);
        }
    }

    private sealed record FixedPointModelDocument(string Format, int FormatVersion, FixedPointConfig Config, IReadOnlyList<LayerQuantisationSummary>? Layers);
}
