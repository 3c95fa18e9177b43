using Sieve.Compression.Archive;

namespace Sieve.Pipeline.Cluster;

/// <summary>
/// Whether a task's outputs can be merged: its done marker belongs to its latest submission and says
/// it passed; every output exists with the SHA-256 the marker recorded; an archive opens and every
/// chunk matches its checksum; a scores CSV has one row per input row (when the input's rows are known).
/// </summary>
public static class TaskCheck
{
    /// <summary>Checks task <paramref name="index"/>; <paramref name="active"/> says whether the batch system still has it.</summary>
    public static TaskReport Check(ClusterManifest manifest, int index, bool active)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ClusterPaths paths = ClusterPaths.Of(Path.GetDirectoryName(manifest.Output)!);
        ClusterAttempt? latest = manifest.LatestAttempt(index);
        int attempts = manifest.AttemptCount(index);
        string? log = latest is null ? null : paths.Log(latest.JobId, index);
        TaskMarker? marker = TaskMarker.TryLoad(paths.Marker(index));
        bool current = marker is not null && latest is not null && marker.JobId == latest.JobId;
        if (!current && active)
        {
            return new TaskReport(index, TaskState.Running, null, log, attempts, 0);
        }

        if (latest is null)
        {
            return new TaskReport(index, TaskState.Failed, "never submitted", null, attempts, 0);
        }

        if (!current)
        {
            return new TaskReport(index, TaskState.Failed, "ended without a done marker (killed? time or memory limit, node failure); see its log", log, attempts, 0);
        }

        if (!marker!.Passed)
        {
            return new TaskReport(index, TaskState.Failed, marker.Reason, log, attempts, 0);
        }

        string? problem = null;
        long rows = 0;
        ClusterTask task = manifest.Tasks[index];
        foreach (ClusterStep step in task.Steps)
        {
            TaskOutput? recorded = marker.Outputs.FirstOrDefault(o => o.Path == step.Output);
            (problem, long stepRows) = recorded is null ? ($"the marker lists no output {step.Output}", 0) : Verify(manifest, step, recorded);
            if (problem is not null)
            {
                break;
            }

            rows += stepRows;
        }

        return problem is null
            ? new TaskReport(index, TaskState.Passed, null, log, attempts, rows)
            : new TaskReport(index, TaskState.Failed, problem, log, attempts, 0);
    }

    private static (string? Problem, long Rows) Verify(ClusterManifest manifest, ClusterStep step, TaskOutput recorded)
    {
        if (!File.Exists(step.Output) && !Directory.Exists(step.Output))
        {
            return ($"output {step.Output} is missing", 0);
        }

        if (manifest.Verb == ClusterVerb.Train)
        {
            return VerifyModel(step, recorded);
        }

        if (FileFingerprint.Hash(step.Output).Sha256 != recorded.Sha256)
        {
            return ($"output {step.Output} changed after the task wrote it (SHA-256 differs from its marker's)", 0);
        }

        if (manifest.Verb == ClusterVerb.Compress)
        {
            try
            {
                using ChunkedArchive archive = ChunkedArchive.Open(step.Output);
                for (int c = 0; c < archive.Chunks.Count; c++)
                {
                    _ = archive.ChunkBytes(c);
                }

                return (null, archive.Header.Schema.RowCount);
            }
            catch (Exception e) when (e is ArchiveFormatException or ArchiveCorruptException or IOException)
            {
                return ($"output {step.Output} does not verify: {e.Message}", 0);
            }
        }

        long scored = Math.Max(0, FileFingerprint.CountLines(step.Output) - 1);
        long? expected = manifest.Inputs[step.Input].Rows;
        return expected is { } want && want != scored
            ? ($"output {step.Output} has {scored} rows, its input {manifest.Inputs[step.Input].Path} {want}", 0)
            : (null, scored);
    }

    private static (string? Problem, long Rows) VerifyModel(ClusterStep step, TaskOutput recorded)
    {
        try
        {
            if (FileFingerprint.Output(step.Output).Sha256 != recorded.Sha256)
            {
                return ($"model {step.Output} changed after the task wrote it (weights' SHA-256 differs from its marker's)", 0);
            }

            Sieve.Models.Checkpoints.ModelManifest model = Sieve.Models.Checkpoints.ModelCheckpoint.ReadManifest(step.Output);
            return double.IsFinite(model.Result.BestValidationLoss)
                ? (null, 1)
                : ($"model {step.Output} has no finite validation loss ({model.Result.BestValidationLoss})", 0);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or System.Text.Json.JsonException or ArgumentException)
        {
            return ($"model {step.Output} does not read: {e.Message}", 0);
        }
    }
}
