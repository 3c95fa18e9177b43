using System.Text.Json;
using Sieve.Core.Normalisation;
using Sieve.Core.Serialization;
using Sieve.Models.Autoencoders;
using Sieve.Models.Training;

namespace Sieve.Pipeline;

/// <summary>
/// A training config file (JSON, snake_case). Every field is optional; command-line options win
/// over the file, and the file wins over the defaults. Example:
/// <code>{ "preset": "hepae-4d", "latent": 3, "normalisation": "jet",
///   "training": { "epochs": 200, "batch_size": 256, "learning_rate": 0.001, "schedule": "reduce_on_plateau" } }</code>
/// or a custom shape: <c>"hidden_widths": [128, 64], "activation": "relu"</c>.
/// </summary>
public sealed record TrainConfig
{
    /// <summary>Preset name.</summary>
    public string? Preset { get; init; }

    /// <summary>Custom encoder widths (overrides the preset's shape).</summary>
    public IReadOnlyList<int>? HiddenWidths { get; init; }

    /// <summary>Activation for a custom shape. Default tanh.</summary>
    public ActivationKind? Activation { get; init; }

    /// <summary>Latent size.</summary>
    public int? Latent { get; init; }

    /// <summary>Normalisation kind.</summary>
    public NormalisationKind? Normalisation { get; init; }

    /// <summary>Loss weight per feature name (others weigh 1), e.g. { "pt": 4, "m": 2 }.</summary>
    public IReadOnlyDictionary<string, double>? LossWeights { get; init; }

    /// <summary>Variational settings: present = train a (beta-)VAE, e.g. { "beta": 0.5 }.</summary>
    public VariationalOptions? Variational { get; init; }

    /// <summary>Trainer settings.</summary>
    public TrainerOptions? Training { get; init; }

    /// <summary>Reads a config file, naming the file in any error.</summary>
    public static TrainConfig Load(string path)
    {
        try
        {
            return JsonSerializer.Deserialize<TrainConfig>(File.ReadAllText(path), ReadOptions)
                ?? throw new InvalidDataException($"{path}: empty config.");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}: invalid config at {e.Path ?? "$"} (line {e.LineNumber + 1}): {e.Message}", e);
        }
    }

    private static readonly JsonSerializerOptions ReadOptions = new(SieveJson.Options) { UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow };
}
