using System.Security.Cryptography;
using System.Text.Json;
using Sieve.Core.Serialization;
using static TorchSharp.torch;

namespace Sieve.Models.Checkpoints;

/// <summary>
/// The file steps every model directory shares (autoencoders' model.json, classifiers'
/// classifier.json): weights written through a temporary file and hashed, then the manifest that
/// names the hash written through its own temporary file, so a crash never leaves a manifest that
/// points at half-written or other weights.
/// </summary>
internal static class CheckpointFiles
{
    /// <summary>Saves <paramref name="module"/>'s state to <paramref name="path"/>; returns its SHA-256 (hex).</summary>
    public static string SaveWeights(nn.Module module, string path)
    {
        string temporary = path + ".tmp";
        module.save(temporary);
        string hash = Sha256(temporary);
        File.Move(temporary, path, overwrite: true);
        return hash;
    }

    /// <summary>Writes <paramref name="manifest"/> as JSON to <paramref name="path"/>, replacing it in one rename.</summary>
    public static void WriteManifest<T>(string path, T manifest)
    {
        File.WriteAllText(path + ".tmp", JsonSerializer.Serialize(manifest, SieveJson.Options));
        File.Move(path + ".tmp", path, overwrite: true);
    }

    /// <summary>SHA-256 (lower-case hex) of a file.</summary>
    public static string Sha256(string path)
    {
        using FileStream stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
