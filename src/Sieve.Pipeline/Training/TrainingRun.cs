using System.Security.Cryptography;
using System.Text.Json;
using Sieve.Core.Normalisation;
using Sieve.Core.Serialization;
using Sieve.IO;

namespace Sieve.Pipeline;

/// <summary>
/// run.json in a model directory: the request a training was started with, the normaliser fitted
/// for it and the identity of its input file, written once before the first epoch. With the
/// checkpoint it is all `sieve train --resume DIR` needs; the input's hash makes sure the resumed run
/// trains on the same rows.
/// </summary>
/// <param name="Request">The request as given (the input path made absolute).</param>
/// <param name="Normaliser">Normaliser fitted on the training split.</param>
/// <param name="InputBytes">Size of the input file.</param>
/// <param name="InputSha256">SHA-256 (hex) of the input file.</param>
public sealed record TrainingRun(TrainRequest Request, FeatureNormaliser Normaliser, long InputBytes, string InputSha256)
{
    /// <summary>File name inside the model directory.</summary>
    public const string FileName = "run.json";

    /// <summary>Identifies the file kind.</summary>
    public string Format { get; init; } = "sieve-training-run";

    /// <summary>Version; readers refuse versions they do not know.</summary>
    public int FormatVersion { get; init; } = 1;

    /// <summary>Describes a run on <paramref name="request"/>'s input (hashing the file).</summary>
    public static TrainingRun Create(TrainRequest request, FeatureNormaliser normaliser)
    {
        ArgumentNullException.ThrowIfNull(request);
        (long bytes, string hash) = Fingerprint(request.Input.Path);
        var absolute = request with { Input = request.Input with { Path = Path.GetFullPath(request.Input.Path) } };
        return new TrainingRun(absolute, normaliser, bytes, hash);
    }

    /// <summary>Writes run.json atomically.</summary>
    public void Save(string directory) => AtomicFile.WriteAllText(Path.Combine(directory, FileName), JsonSerializer.Serialize(this, SieveJson.Options));

    /// <summary>Reads run.json of a model directory, naming the file in any error.</summary>
    public static TrainingRun Load(string directory)
    {
        string path = Path.Combine(directory, FileName);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{directory} holds no resumable training: {FileName} is missing (it is written when `sieve train` starts).", path);
        }

        TrainingRun? run;
        try
        {
            run = JsonSerializer.Deserialize<TrainingRun>(File.ReadAllText(path), SieveJson.Options);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}: not a valid training run ({e.Message}).", e);
        }

        if (run is null || run.Format != "sieve-training-run" || run.FormatVersion != 1)
        {
            throw new InvalidDataException($"{path}: not a version 1 training run.");
        }

        return run;
    }

    /// <summary>Refuses to resume when the input file is not the one the run started on.</summary>
    public void CheckInput()
    {
        string path = Request.Input.Path;
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{path}, the input of this training, is missing; resuming needs the same file.", path);
        }

        (long bytes, string hash) = Fingerprint(path);
        if (bytes != InputBytes || !string.Equals(hash, InputSha256, StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidDataException($"{path} changed since the training started ({bytes} bytes, SHA-256 {hash}; it was {InputBytes} bytes, {InputSha256}); resuming on other rows would not continue the same run.");
        }
    }

    private static (long Bytes, string Sha256) Fingerprint(string path)
    {
        using FileStream stream = File.OpenRead(path);
        return (stream.Length, Convert.ToHexStringLower(SHA256.HashData(stream)));
    }
}
