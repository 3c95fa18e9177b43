using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using Sieve.Core.Serialization;
using Sieve.Models.Training;

namespace Sieve.Models.Checkpoints;

/// <summary>
/// Everything a training run needs to continue as if it had never stopped: the trainer's
/// bookkeeping, the current weights, the best epoch's weights, Adam's moments and step count, and the
/// states of the shuffling and of the global random-number generator (a VAE samples its noise from
/// the latter). One zip file with the SHA-256 of each part, written to a temporary file and renamed into place, so a crash while
/// writing leaves the previous checkpoint intact.
/// </summary>
/// <param name="State">Epochs done, schedule and early-stopping counters, history.</param>
/// <param name="Weights">Current weights (<see cref="TensorDictionary"/>).</param>
/// <param name="BestWeights">Weights of the best epoch so far, or null before any.</param>
/// <param name="Optimiser">Optimiser state as TorchSharp writes it.</param>
/// <param name="ShuffleGenerator">State of the generator that shuffles the rows each epoch.</param>
/// <param name="GlobalGenerator">State of libtorch's default CPU generator.</param>
public sealed record TrainingCheckpoint(TrainerState State, byte[] Weights, byte[]? BestWeights, byte[] Optimiser, byte[] ShuffleGenerator, byte[] GlobalGenerator)
{
    /// <summary>Checkpoint file name inside a model directory.</summary>
    public const string FileName = "checkpoint.zip";

    private const string Format = "sieve-training-checkpoint";
    private const int Version = 1;

    /// <summary>Writes the checkpoint atomically (temporary file, flushed to disk, renamed).</summary>
    public void Save(string path)
    {
        string full = Path.GetFullPath(path);
        string temp = Path.Combine(Path.GetDirectoryName(full) ?? ".", $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.ReadWrite))
            {
                using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
                {
                    var blobs = new Dictionary<string, byte[]>(StringComparer.Ordinal)
                    {
                        ["weights.bin"] = Weights,
                        ["optimiser.bin"] = Optimiser,
                        ["shuffle-rng.bin"] = ShuffleGenerator,
                        ["global-rng.bin"] = GlobalGenerator,
                    };
                    if (BestWeights is not null)
                    {
                        blobs["best.bin"] = BestWeights;
                    }

                    // Zip's CRC is not checked on every read path: the hashes make a damaged checkpoint an error, not a different run.
                    var hashes = blobs.ToDictionary(kv => kv.Key, kv => Convert.ToHexStringLower(SHA256.HashData(kv.Value)), StringComparer.Ordinal);
                    Write(zip, "state.json", JsonSerializer.SerializeToUtf8Bytes(new Header(Format, Version, State, hashes), SieveJson.Options));
                    foreach ((string name, byte[] bytes) in blobs)
                    {
                        Write(zip, name, bytes);
                    }
                }

                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, full, overwrite: true);
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
    }

    /// <summary>Reads a checkpoint, naming the file in any error.</summary>
    public static TrainingCheckpoint Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{path} is missing: no checkpoint to resume from (it is written after each epoch of `sieve train`).", path);
        }

        try
        {
            using ZipArchive zip = ZipFile.OpenRead(path);
            Header header = JsonSerializer.Deserialize<Header>(Read(zip, "state.json", path)!, SieveJson.Options)
                ?? throw new InvalidDataException($"{path}: empty checkpoint state.");
            if (header.Format != Format || header.FormatVersion != Version)
            {
                throw new InvalidDataException($"{path}: not a version {Version} training checkpoint ({header.Format} version {header.FormatVersion}).");
            }

            byte[]? Blob(string name, bool optional = false)
            {
                byte[]? bytes = Read(zip, name, path, optional);
                if (bytes is not null && (!header.Sha256.TryGetValue(name, out string? expected)
                    || !string.Equals(expected, Convert.ToHexStringLower(SHA256.HashData(bytes)), StringComparison.OrdinalIgnoreCase)))
                {
                    throw new InvalidDataException($"{name} does not match its SHA-256 in state.json; the checkpoint is damaged");
                }

                return bytes;
            }

            return new TrainingCheckpoint(header.State, Blob("weights.bin")!, Blob("best.bin", optional: true),
                Blob("optimiser.bin")!, Blob("shuffle-rng.bin")!, Blob("global-rng.bin")!);
        }
        catch (Exception e) when (e is InvalidDataException or JsonException or IOException && e is not FileNotFoundException)
        {
            throw new InvalidDataException($"{path}: unreadable training checkpoint ({e.Message}).", e);
        }
    }

    private static void Write(ZipArchive zip, string name, byte[] bytes)
    {
        using Stream entry = zip.CreateEntry(name, CompressionLevel.Fastest).Open();
        entry.Write(bytes);
    }

    private static byte[]? Read(ZipArchive zip, string name, string path, bool optional = false)
    {
        ZipArchiveEntry? entry = zip.GetEntry(name);
        if (entry is null)
        {
            return optional ? null : throw new InvalidDataException($"{path}: the checkpoint lacks {name}.");
        }

        using Stream stream = entry.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private sealed record Header(string Format, int FormatVersion, TrainerState State, IReadOnlyDictionary<string, string> Sha256);
}
