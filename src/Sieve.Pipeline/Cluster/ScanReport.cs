using System.Globalization;
using System.Text.Json;
using Sieve.Core.Metrics.Scans;
using Sieve.Core.Serialization;
using Sieve.IO;
using Sieve.Models.Checkpoints;
using Sieve.Reports;

namespace Sieve.Pipeline.Cluster;

/// <summary>
/// The summary of a scan whose trainings all passed: scan.csv (one row per training: value, seed,
/// best validation loss, best epoch, model directory), scan.json (per value: mean, standard
/// deviation, standard error, range; the value picked and the rule) and scan.png (the plot).
/// </summary>
public static class ScanReport
{
    /// <summary>Reads every training's model and writes the three files beside the manifest; returns the scan.</summary>
    public static ParameterScan Write(ClusterManifest manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        string parameter = manifest.ScanParameter ?? throw new ArgumentException("the run is not a scan (no scan_parameter in its manifest).");
        var points = new List<ScanPoint>();
        var epochs = new List<int>();
        foreach (ClusterStep step in manifest.Tasks.SelectMany(t => t.Steps))
        {
            ModelManifest model = ModelCheckpoint.ReadManifest(step.Output);
            points.Add(new ScanPoint(step.Value!.Value, step.Seed!.Value, model.Result.BestValidationLoss, step.Output));
            epochs.Add(model.Result.BestEpoch);
        }

        var scan = new ParameterScan(parameter, points);
        string folder = Path.GetDirectoryName(manifest.Output)!;
        AtomicFile.WriteText(manifest.Output, writer =>
        {
            writer.WriteLine($"{parameter},seed,best_validation_loss,best_epoch,model");
            for (int i = 0; i < points.Count; i++)
            {
                ScanPoint p = points[i];
                writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{p.Value},{p.Seed},{p.ValidationLoss:R},{epochs[i]},{p.Label}"));
            }
        });
        var json = new
        {
            Schema = "sieve.scan/1",
            Parameter = parameter,
            Input = manifest.Inputs[0].Path,
            InputSha256 = manifest.Inputs[0].Sha256,
            Rule = ParameterScan.Rule,
            Best = scan.Best.Value,
            Values = scan.Values.Select(v => new { v.Value, v.Seeds, v.Mean, v.StandardDeviation, v.StandardError, v.Minimum, v.Maximum }),
        };
        AtomicFile.WriteAllBytes(Path.Combine(folder, "scan.json"), JsonSerializer.SerializeToUtf8Bytes(json, SieveJson.Options));
        ScanPlot.Save(Path.Combine(folder, "scan.png"), scan);
        return scan;
    }

    /// <summary>Reads scan.csv back into the scan it summarises.</summary>
    public static ParameterScan Read(string scanCsv)
    {
        string[] lines = File.ReadAllLines(scanCsv);
        string parameter = lines[0].Split(',')[0];
        var points = lines.Skip(1).Where(l => l.Length > 0).Select(l => l.Split(',', 5)).Select(c => new ScanPoint(
            int.Parse(c[0], CultureInfo.InvariantCulture), int.Parse(c[1], CultureInfo.InvariantCulture), double.Parse(c[2], CultureInfo.InvariantCulture), c[4])).ToList();
        return new ParameterScan(parameter, points);
    }
}
