using Sieve.Core.Metrics.AnomalyDetection;
using Sieve.Core.Tables;
using Sieve.IO.Parquet;
using Sieve.IO.Tables;

namespace Sieve.Pipeline;

/// <summary>Reads a scores file written by `sieve score` into a scored sample.</summary>
public static class ScoresFile
{
    /// <summary>Column name of a score kind ("recon" -> "score_recon"); full names pass through.</summary>
    public static string Column(string score) => score.StartsWith("score_", StringComparison.OrdinalIgnoreCase) ? score : "score_" + score.ToLowerInvariant();

    /// <summary>Reads one file; the sample is named after the file (or its single process id).</summary>
    public static ScoredSample Read(string path, string score, EventWeighting weighting = EventWeighting.Signed)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"scores file {path} does not exist (write one with `sieve score`).", path);
        }

        string column = Column(score);
        string[] features = [column, ScoreWorkflow.WeightColumn, ScoreWorkflow.MultiplicityColumn];
        FeatureTable table = path.EndsWith(".parquet", StringComparison.OrdinalIgnoreCase)
            ? ParquetTableReader.Read(path, new ParquetTableOptions { FeatureColumns = features })
            : CsvTableReader.Read(path, new CsvTableOptions { FeatureColumns = features });
        IReadOnlyList<string>? processes = table.SideChannels.FirstOrDefault(c => c.Name == ScoreWorkflow.ProcessColumn)?.Values;
        int[] multiplicity = [.. table.Column(2).Select(m => (int)Math.Round(m))];
        string[] distinct = processes is null ? [] : [.. processes.Distinct().Take(2)];
        string name = distinct.Length == 1 && distinct[0].Length > 0 ? distinct[0] : Path.GetFileNameWithoutExtension(path);
        return ScoredSample.Create(name, table.Column(0), table.Column(1), processes, multiplicity).WithWeighting(weighting);
    }
}
