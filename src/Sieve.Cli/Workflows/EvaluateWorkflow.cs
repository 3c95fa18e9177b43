using Sieve.Compression.Archive;
using Sieve.Core.Metrics;
using Sieve.Core.Tables;
using Sieve.Models.Checkpoints;
using Sieve.Reports;

namespace Sieve.Cli.Workflows;

/// <summary>
/// evaluate: compare original and reconstruction per variable (residuals, relative residuals for
/// E/pT/m, wrapped phi), add the byte accounting of the archive when given, write report.json and
/// one histogram per variable.
/// </summary>
public static class EvaluateWorkflow
{
    /// <summary>Runs the evaluation; returns the report and the files written.</summary>
    public static (FidelityReport Report, IReadOnlyList<string> Files) Run(EvaluateRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        LoadedInput original = InputLoader.Load(new InputRequest(request.Original, request.Format, request.Columns, request.Unit));
        LoadedInput reconstructed = InputLoader.Load(new InputRequest(request.Reconstructed, original.Format, original.Table.FeatureNames, original.Unit));
        FidelityEvaluation evaluation = FidelityEvaluator.Evaluate(original.Table, reconstructed.Table, FidelityOptions.Default with { EnergyScaleToGeV = original.Unit.ToGeV(), MissingMarker = request.Missing });

        bool synthetic = request.Synthetic;
        var notes = new List<string>(evaluation.Report.Notes);
        CompressionAccountingSummary? compression = null;
        if (request.Archive is not null)
        {
            ArchiveAccounting accounting = ArchiveInspector.Inspect(request.Archive);
            ArchiveContent content = ArchiveReader.Read(request.Archive);
            synthetic |= content.Header.Schema.Synthetic;
            long? modelBytes = null;
            if (request.ModelDirectory is not null)
            {
                modelBytes = ModelCheckpoint.SizeOnDisk(request.ModelDirectory, ModelCheckpoint.ReadManifest(request.ModelDirectory));
            }

            compression = new CompressionAccountingSummary(original.FileBytes, accounting.FileBytes, original.Table.RowCount, modelBytes)
            {
                Sections = new ArchiveSections(accounting.PreambleBytes + accounting.HeaderBytes, accounting.LatentBytes, accounting.SideChannelBytes,
                    accounting.FramingBytes + accounting.TrailerBytes),
                RawFeatureFloat32Bytes = 4L * original.Table.RowCount * original.Table.FeatureCount,
            };
            notes.Add($"compression_ratio = original file size ({original.FileBytes} bytes) / archive size ({accounting.FileBytes} bytes, every byte of the file: header {accounting.HeaderBytes}, latents {accounting.LatentBytes}, side channels {accounting.SideChannelBytes}, framing and checksum {accounting.PreambleBytes + accounting.FramingBytes + accounting.TrailerBytes}).");
            notes.Add($"The features as raw float32 would take {original.Table.FeatureCount * 4} bytes per row; the archive takes {compression.BytesPerRow:F3}.");
            if (modelBytes is not null)
            {
                notes.Add($"The model ({modelBytes} bytes) is shared between archives and not counted in the archive; model_payback_rows says after how many rows it pays for itself.");
            }
        }

        FidelityReport report = evaluation.Report with
        {
            Original = request.Original,
            Reconstructed = request.Reconstructed,
            Synthetic = synthetic,
            Compression = compression,
            Notes = synthetic ? [.. notes, "SYNTHETIC DATA: the built-in demo sample, not physics data."] : notes,
        };
        IReadOnlyList<string> files = FidelityReportWriter.Write(request.OutputDirectory, report, evaluation.Residuals);
        return (report, files);
    }
}
