using System.Security.Cryptography;

namespace Sieve.Compression.Archive;

/// <summary>Which model produced the latents (header <c>model</c>): decoding needs the same one.</summary>
/// <param name="Name">Model name from the catalogue, e.g. "dense-ae".</param>
/// <param name="Sha256">SHA-256 of the checkpoint file, 64 lowercase hex digits.</param>
/// <param name="InputSize">Input width F the model takes.</param>
/// <param name="LatentSize">Latent width Z the model produces.</param>
public sealed record ModelIdentity(string Name, string Sha256, int InputSize, int LatentSize)
{
    /// <summary>SHA-256 of a file as 64 lowercase hex digits, for <see cref="Sha256"/>.</summary>
    public static string Sha256OfFile(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using FileStream stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
