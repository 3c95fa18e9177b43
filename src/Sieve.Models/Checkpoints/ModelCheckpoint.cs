using System.Text.Json;
using Sieve.Core.Serialization;
using Sieve.Models.Autoencoders;
using Sieve.Models.Runtime;

namespace Sieve.Models.Checkpoints;

/// <summary>
/// A model directory: model.json (manifest) + weights.bin (TorchSharp state) + history.csv.
/// Writes go to temporary files renamed into place, so a crash never leaves a manifest that
/// points at half-written weights.
/// </summary>
public static class ModelCheckpoint
{
    /// <summary>Manifest file name.</summary>
    public const string ManifestFile = "model.json";

    /// <summary>Saves weights and manifest; returns the manifest with the weights' hash filled in.</summary>
    public static ModelManifest Save(string directory, IAutoencoder model, ModelManifest manifest)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(manifest);
        Directory.CreateDirectory(directory);
        string hash = CheckpointFiles.SaveWeights(model.Module, Path.Combine(directory, manifest.WeightsFile));
        ModelManifest final = manifest with { WeightsSha256 = hash };
        CheckpointFiles.WriteManifest(Path.Combine(directory, ManifestFile), final);
        return final;
    }

    /// <summary>Reads the manifest alone (no libtorch needed).</summary>
    public static ModelManifest ReadManifest(string directory)
    {
        string path = Path.Combine(directory, ManifestFile);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{directory} is not a Sieve model directory: {ManifestFile} is missing (train one with `sieve train`).", path);
        }

        ModelManifest? manifest;
        try
        {
            manifest = JsonSerializer.Deserialize<ModelManifest>(File.ReadAllText(path), SieveJson.Options);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}: not a valid model manifest ({e.Message}).", e);
        }

        if (manifest is null || manifest.Format != "sieve-model")
        {
            throw new InvalidDataException($"{path}: not a Sieve model manifest.");
        }

        if (manifest.FormatVersion != 1)
        {
            throw new InvalidDataException($"{path}: model format version {manifest.FormatVersion} is not supported (this Sieve reads version 1).");
        }

        return manifest;
    }

    /// <summary>Loads manifest and weights, checking the weights' hash first.</summary>
    public static (IAutoencoder Model, ModelManifest Manifest) Load(string directory)
    {
        ModelManifest manifest = ReadManifest(directory);
        string weights = Path.Combine(directory, manifest.WeightsFile);
        if (!File.Exists(weights))
        {
            throw new FileNotFoundException($"{weights} is missing; the model directory is incomplete.", weights);
        }

        string hash = CheckpointFiles.Sha256(weights);
        if (!string.Equals(hash, manifest.WeightsSha256, StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidDataException($"{weights}: checksum mismatch (SHA-256 {hash}, manifest says {manifest.WeightsSha256}); the weights are corrupt or belong to another model.");
        }

        TorchRuntime.EnsureLoaded();
        IAutoencoder model = Build(manifest);
        model.Module.load(weights);
        model.Module.eval();
        return (model, manifest);
    }

    /// <summary>A fresh model of the manifest's shape and kind (dense AE, VAE, set AE or convolutional (V)AE).</summary>
    public static IAutoencoder Build(ModelManifest manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        if (manifest.Set is { } set)
        {
            return new Sets.DeepSetsAutoencoder(set);
        }

        if (manifest.Convolution is { } convolution)
        {
            return new Convolutional.ConvolutionalAutoencoder(convolution, manifest.Variational);
        }

        return manifest.Variational is { } variational
            ? new VariationalAutoencoder(manifest.Architecture, variational)
            : new DenseAutoencoder(manifest.Architecture);
    }

    /// <summary>Total bytes of the files a decompressor needs from this directory (manifest + weights).</summary>
    public static long SizeOnDisk(string directory, ModelManifest manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        return new FileInfo(Path.Combine(directory, ManifestFile)).Length + new FileInfo(Path.Combine(directory, manifest.WeightsFile)).Length;
    }
}
