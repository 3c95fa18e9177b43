using System.Text.Json;
using Sieve.Core.Serialization;
using Sieve.Models.Checkpoints;
using Sieve.Models.Runtime;

namespace Sieve.Models.Classifiers;

/// <summary>
/// A classifier directory: classifier.json + weights.bin, written as every model directory is
/// (<see cref="CheckpointFiles"/>).
/// </summary>
public static class ClassifierCheckpoint
{
    /// <summary>Manifest file name.</summary>
    public const string ManifestFile = "classifier.json";

    /// <summary>Saves weights and manifest; returns the manifest with the weights' hash.</summary>
    public static ClassifierManifest Save(string directory, DenseClassifier model, ClassifierManifest manifest)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(manifest);
        Directory.CreateDirectory(directory);
        string hash = CheckpointFiles.SaveWeights(model, Path.Combine(directory, manifest.WeightsFile));
        ClassifierManifest final = manifest with { WeightsSha256 = hash };
        CheckpointFiles.WriteManifest(Path.Combine(directory, ManifestFile), final);
        return final;
    }

    /// <summary>Loads manifest and weights, checking the weights' hash first.</summary>
    public static (DenseClassifier Model, ClassifierManifest Manifest) Load(string directory)
    {
        string path = Path.Combine(directory, ManifestFile);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{directory} is not a classifier directory: {ManifestFile} is missing (`sieve classify --out DIR` writes one in DIR/classifier).", path);
        }

        ClassifierManifest? manifest;
        try
        {
            manifest = JsonSerializer.Deserialize<ClassifierManifest>(File.ReadAllText(path), SieveJson.Options);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}: not a valid classifier manifest ({e.Message}).", e);
        }

        if (manifest is null || manifest.Format != "sieve-classifier" || manifest.FormatVersion != 1)
        {
            throw new InvalidDataException($"{path}: not a version 1 Sieve classifier manifest.");
        }

        string weights = Path.Combine(directory, manifest.WeightsFile);
        if (!File.Exists(weights) || !string.Equals(CheckpointFiles.Sha256(weights), manifest.WeightsSha256, StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidDataException($"{weights}: missing or not the weights {ManifestFile} names (SHA-256 mismatch); the classifier directory is incomplete or corrupt.");
        }

        TorchRuntime.EnsureLoaded();
        var model = new DenseClassifier(manifest.Features.Count, manifest.HiddenWidths);
        model.load(weights);
        model.eval();
        return (model, manifest);
    }
}
