using System.Text.Json;
using Sieve.Core.Serialization;
using Sieve.IO;

namespace Sieve.Pipeline.Cluster;

/// <summary>
/// Everything a cluster run needs and did, in <c>manifest.json</c> of its folder: the tool and
/// executable, the verb and its options, every input with its SHA-256, the exact command of every
/// step of every task, the outputs expected, the merged output's name and each submission. Tasks
/// read their line from it (by array index); collect reads it to check, retry and merge.
/// </summary>
public sealed record ClusterManifest
{
    /// <summary>The value of <see cref="Format"/>.</summary>
    public const string FormatName = "sieve-cluster-manifest";

    /// <summary>The version this code writes and reads.</summary>
    public const int CurrentVersion = 1;

    /// <summary>Always <see cref="FormatName"/>.</summary>
    public string Format { get; init; } = FormatName;

    /// <summary>Layout version of this file.</summary>
    public int FormatVersion { get; init; } = CurrentVersion;

    /// <summary>Tool and version that planned the run ("sieve 0.1.0"); every task must be run by the same.</summary>
    public required string Tool { get; init; }

    /// <summary>The command that starts `sieve` (the executable, or `dotnet` and the assembly).</summary>
    public required IReadOnlyList<string> Executable { get; init; }

    /// <summary>Folder the tasks run in (the folder submit ran in), so relative paths in the options mean the same.</summary>
    public required string WorkingDirectory { get; init; }

    /// <summary>The verb every task runs.</summary>
    public required ClusterVerb Verb { get; init; }

    /// <summary>The verb's options as given to submit (after --).</summary>
    public required IReadOnlyList<string> VerbArgs { get; init; }

    /// <summary>The archive whose quantiser every compress task uses (--steps-from), so that the shards concatenate; null for float16 and score.</summary>
    public string? StepsFrom { get; init; }

    /// <summary>SHA-256 of <see cref="StepsFrom"/> when the run was planned; a task refuses a quantiser that changed since.</summary>
    public string? StepsSha256 { get; init; }

    /// <summary>For a scan (<see cref="ClusterVerb.Train"/>): the train option varied; null otherwise.</summary>
    public string? ScanParameter { get; init; }

    /// <summary>Inputs in merge order.</summary>
    public required IReadOnlyList<ClusterInput> Inputs { get; init; }

    /// <summary>Tasks by array index.</summary>
    public required IReadOnlyList<ClusterTask> Tasks { get; init; }

    /// <summary>What each task asks for.</summary>
    public required ClusterResources Resources { get; init; }

    /// <summary>How often collect resubmits a failed task before it reports it.</summary>
    public int MaxRetries { get; init; }

    /// <summary>Run on this machine (`--local`) instead of through sbatch.</summary>
    public bool Local { get; init; }

    /// <summary>The merged output collect writes once every task passed.</summary>
    public required string Output { get; init; }

    /// <summary>When the run was planned.</summary>
    public DateTimeOffset CreatedUtc { get; init; }

    /// <summary>Submissions in order: the first of every task, then retries.</summary>
    public IReadOnlyList<ClusterAttempt> Attempts { get; init; } = [];

    /// <summary>The latest submission that ran task <paramref name="index"/>; null before the first.</summary>
    public ClusterAttempt? LatestAttempt(int index) => Attempts.LastOrDefault(a => a.Tasks.Contains(index));

    /// <summary>How many times task <paramref name="index"/> was submitted.</summary>
    public int AttemptCount(int index) => Attempts.Count(a => a.Tasks.Contains(index));

    /// <summary>Reads the manifest of the run in <paramref name="directory"/>.</summary>
    /// <exception cref="FileNotFoundException">The folder has no manifest (not a folder written by `sieve submit`).</exception>
    /// <exception cref="InvalidDataException">The manifest is not one this version reads.</exception>
    public static ClusterManifest Load(string directory)
    {
        string path = ClusterPaths.Of(directory).Manifest;
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{path} does not exist: {directory} is not a folder written by `sieve submit`.", path);
        }

        ClusterManifest? manifest;
        try
        {
            manifest = JsonSerializer.Deserialize<ClusterManifest>(File.ReadAllBytes(path), SieveJson.Options);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path} is not a readable cluster manifest: {e.Message}", e);
        }

        if (manifest is null || manifest.Format != FormatName || manifest.FormatVersion != CurrentVersion)
        {
            throw new InvalidDataException($"{path} is not a {FormatName} version {CurrentVersion} (format '{manifest?.Format}', version {manifest?.FormatVersion}).");
        }

        return manifest;
    }

    /// <summary>Writes the manifest into <paramref name="directory"/> atomically.</summary>
    public void Save(string directory) =>
        AtomicFile.WriteAllBytes(ClusterPaths.Of(directory).Manifest, JsonSerializer.SerializeToUtf8Bytes(this, SieveJson.Options));
}
