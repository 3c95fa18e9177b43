using System.Globalization;

namespace Sieve.Pipeline.Cluster;

/// <summary>Where a cluster run keeps its files, under the folder given to submit.</summary>
/// <param name="Directory">The run's folder (full path).</param>
public sealed record ClusterPaths(string Directory)
{
    /// <summary>The layout under <paramref name="directory"/>.</summary>
    public static ClusterPaths Of(string directory) => new(Path.GetFullPath(directory));

    /// <summary>manifest.json.</summary>
    public string Manifest => Path.Combine(Directory, "manifest.json");

    /// <summary>The sbatch job-array script.</summary>
    public string Script => Path.Combine(Directory, "job.sbatch");

    /// <summary>Per-task logs.</summary>
    public string Logs => Path.Combine(Directory, "logs");

    /// <summary>Per-input outputs of the tasks, before merging.</summary>
    public string Parts => Path.Combine(Directory, "parts");

    /// <summary>Done markers, one per task.</summary>
    public string Markers => Path.Combine(Directory, "done");

    /// <summary>The quantiser every compress task shares, when submit fitted it.</summary>
    public string Steps => Path.Combine(Directory, "steps.sieve");

    /// <summary>collect's summary.</summary>
    public string Summary => Path.Combine(Directory, "summary.json");

    /// <summary>The log of task <paramref name="index"/> in submission <paramref name="jobId"/> (sbatch's logs/%A_%a.out).</summary>
    public string Log(string jobId, int index) => Path.Combine(Logs, string.Create(CultureInfo.InvariantCulture, $"{jobId}_{index}.out"));

    /// <summary>The done marker of task <paramref name="index"/>.</summary>
    public string Marker(int index) => Path.Combine(Markers, string.Create(CultureInfo.InvariantCulture, $"{index}.json"));

    /// <summary>The output of input <paramref name="input"/> (its position in the input list).</summary>
    public string Part(int input, string extension) => Path.Combine(Parts, string.Create(CultureInfo.InvariantCulture, $"{input:D6}{extension}"));

    /// <summary>Creates the folders.</summary>
    public void Create()
    {
        foreach (string folder in new[] { Directory, Logs, Parts, Markers })
        {
            System.IO.Directory.CreateDirectory(folder);
        }
    }
}
