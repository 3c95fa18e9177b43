using System.Text.Json;
using Sieve.Core.Serialization;
using Sieve.IO;

namespace Sieve.Pipeline.Cluster;

/// <summary>
/// What a task leaves when it ends (done/INDEX.json), passed or failed: which submission ran it,
/// where, with which tool, the exit code, the reason of a failure and every output's SHA-256.
/// </summary>
/// <param name="Index">Array index.</param>
/// <param name="JobId">The submission that ran it.</param>
/// <param name="Host">Machine it ran on.</param>
/// <param name="Tool">Tool and version that ran it.</param>
/// <param name="StartedUtc">Start.</param>
/// <param name="FinishedUtc">End.</param>
/// <param name="ExitCode">0 when every step passed; else the failing step's exit code.</param>
/// <param name="Reason">Why it failed (the verb's error message); null when it passed.</param>
/// <param name="Outputs">The outputs written, with SHA-256.</param>
public sealed record TaskMarker(int Index, string JobId, string Host, string Tool, DateTimeOffset StartedUtc, DateTimeOffset FinishedUtc,
    int ExitCode, string? Reason, IReadOnlyList<TaskOutput> Outputs)
{
    /// <summary>Whether every step passed.</summary>
    public bool Passed => ExitCode == 0;

    /// <summary>Reads a marker; null when there is none or it cannot be read (a task killed while writing leaves none: writes are atomic).</summary>
    public static TaskMarker? TryLoad(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<TaskMarker>(File.ReadAllBytes(path), SieveJson.Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Writes the marker atomically.</summary>
    public void Save(string path) => AtomicFile.WriteAllBytes(path, JsonSerializer.SerializeToUtf8Bytes(this, SieveJson.Options));
}
