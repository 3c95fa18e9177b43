using Sieve.Compression.Archive;
using Sieve.Core.Metrics;
using Sieve.Core.Tables;
using Sieve.IO;
using Sieve.Models.Checkpoints;
using Sieve.Reports;

namespace Sieve.Pipeline;

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
        var originalRequest = new InputRequest(request.Original, request.Format, request.Columns, request.Unit) { BytesRead = request.BytesRead };
        (InputFormat format, long fileBytes) = InputLoader.Resolve(originalRequest);
        IReadOnlyList<KindFidelity>? perKind = null;
        IReadOnlyList<KindResiduals>? kindResiduals = null;
        FidelityEvaluation evaluation;
        long rows, events = 0;
        int featureCount;
        if (InputLoader.IsEventFormat(format))
        {
            // Events: objects matched per kind (a slot layout may have dropped some), pooled for the
            // overall numbers. The original streams by; only the residuals are kept, not its table.
            long objectRows = 0;
            IEnumerable<Core.Events.Event> Counted(IEnumerable<Core.Events.Event> source)
            {
                foreach (Core.Events.Event e in source)
                {
                    events++;
                    objectRows += Math.Max(1, e.Objects.Count); // per-object rows, an event without objects keeps one
                    yield return e;
                }
            }

            ObjectKindComparison comparison = ObjectKindFidelity.Evaluate(
                Counted(InputLoader.ReadEvents(originalRequest with { Format = format })),
                InputLoader.ReadEvents(new InputRequest(request.Reconstructed)));
            (perKind, kindResiduals) = (comparison.Kinds, comparison.Residuals);
            evaluation = Pooled(comparison);
            rows = objectRows;
            featureCount = Core.Layouts.PerObjectLayout.Features.Count;
        }
        else
        {
            // Tables: both files read in chunks side by side, so memory is that of a few chunks and
            // the residual samples whatever the size.
            IEnumerable<(FeatureTable, FeatureTable)> Pairs()
            {
                using IEnumerator<LoadedInput> a = InputChunks.Read(originalRequest).GetEnumerator();
                if (!a.MoveNext())
                {
                    yield break;
                }

                LoadedInput head = a.Current;
                (request.Kinds ?? VariableKinds.Patterns).RequireFeatures(head.Table.FeatureNames);
                using IEnumerator<LoadedInput> b = InputChunks.Read(new InputRequest(request.Reconstructed, head.Format, head.Table.FeatureNames, head.Unit)).GetEnumerator();
                long compared = 0;
                do
                {
                    if (!b.MoveNext())
                    {
                        throw new ArgumentException($"the reconstruction {request.Reconstructed} ends after {compared} rows but the original goes on; compare a reconstruction with the table it was made from.");
                    }

                    yield return (a.Current.Table, b.Current.Table);
                    compared += a.Current.Table.RowCount;
                }
                while (a.MoveNext());
                if (b.MoveNext() && b.Current.Table.RowCount > 0)
                {
                    throw new ArgumentException($"the reconstruction {request.Reconstructed} has more rows than the original ({compared}); compare a reconstruction with the table it was made from.");
                }
            }

            evaluation = FidelityEvaluator.Evaluate(Pairs(), FidelityOptions.Default with
            {
                EnergyScaleToGeV = (request.Unit ?? EnergyUnit.GeV).ToGeV(), // a table chunk's unit is the one asked for, GeV by default
                MissingMarker = request.Missing,
                Kinds = request.Kinds ?? VariableKinds.Patterns,
            });
            rows = evaluation.Report.Rows;
            featureCount = evaluation.Report.Variables.Count; // one per feature of the original
        }

        RequireComparable(evaluation.Report, perKind, request.Reconstructed);
        bool synthetic = request.Synthetic;
        var notes = new List<string>(evaluation.Report.Notes);
        CompressionAccountingSummary? compression = null;
        if (request.Archive is not null)
        {
            (ArchiveAccounting accounting, ArchiveHeader archiveHeader) = Accounting(request.Archive);
            synthetic |= archiveHeader.Schema.Synthetic;
            long? modelBytes = null;
            if (request.ModelDirectory is not null)
            {
                modelBytes = ModelCheckpoint.SizeOnDisk(request.ModelDirectory, ModelCheckpoint.ReadManifest(request.ModelDirectory));
            }

            compression = new CompressionAccountingSummary(fileBytes, accounting.FileBytes, checked((int)rows), modelBytes)
            {
                Sections = new ArchiveSections(accounting.PreambleBytes + accounting.HeaderBytes, accounting.LatentBytes, accounting.SideChannelBytes,
                    accounting.FramingBytes + accounting.TrailerBytes)
                {
                    Corrections = accounting.CorrectionBytes,
                    Model = accounting.ModelBytes,
                    HeaderNormaliser = accounting.HeaderNormaliserBytes,
                },
                RawFeatureFloat32Bytes = 4L * rows * featureCount,
            };
            notes.Add($"compression_ratio = original file size ({fileBytes} bytes) / archive size ({accounting.FileBytes} bytes, every byte of the file: header {accounting.HeaderBytes} (of which normaliser/quantiser {accounting.HeaderNormaliserBytes}), latents {accounting.LatentBytes}, corrections {accounting.CorrectionBytes}, embedded model {accounting.ModelBytes}, side channels {accounting.SideChannelBytes}, framing and checksum {accounting.PreambleBytes + accounting.FramingBytes + accounting.TrailerBytes}).");
            notes.Add($"The features as raw float32 would take {featureCount * 4} bytes per row; the archive takes {compression.BytesPerRow:F3}.");
            if (InputLoader.IsEventFormat(format))
            {
                // A slot layout's archive holds one row per event (of the channel it selected).
                events = archiveHeader.Schema.FormatOptions.ContainsKey(CompressWorkflow.LayoutOption) ? archiveHeader.Schema.RowCount : events;
                notes.Add(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                    $"Events: {events}; {(double)accounting.FileBytes / events:F2} bytes ({8.0 * accounting.FileBytes / events:F1} bits) per event, {(double)accounting.FileBytes / Math.Max(1, perKind?.Sum(k => k.Objects + k.Unmatched) ?? 1):F2} bytes per object."));
            }
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
            PerKind = perKind,
            BoundChecks = request.MaxError is null ? null : Check(evaluation.Report, request.MaxError, request.Kinds),
        };
        var files = new List<string>(FidelityReportWriter.Write(request.OutputDirectory, report, evaluation.Residuals));
        if (perKind is not null && kindResiduals is not null)
        {
            string? tag = synthetic ? "(synthetic data)" : null;
            foreach (string variable in ObjectKindFidelity.Variables)
            {
                string summary = Path.Combine(request.OutputDirectory, $"kinds_{variable.ToLowerInvariant()}.png");
                AtomicFile.WriteAllBytes(summary, KindFidelityPlot.RenderSummary(variable, perKind, tag));
                string histograms = Path.Combine(request.OutputDirectory, $"kinds_residuals_{variable.ToLowerInvariant()}.png");
                AtomicFile.WriteAllBytes(histograms, KindFidelityPlot.RenderHistograms(variable, kindResiduals, tag));
                files.AddRange([summary, histograms]);
            }
        }

        return (report, files);
    }

    // The archive's byte accounting and header; nothing of it is decoded (a version 5 archive is read chunk by chunk).
    private static (ArchiveAccounting Accounting, ArchiveHeader Header) Accounting(string archive) =>
        (ArchiveInspector.Inspect(archive), ArchiveReader.ReadHeader(archive));

    /// <summary>
    /// A report of NaN says nothing and must not pass as one: a variable with no value to compare
    /// (e.g. every object of the original dropped by a slot layout) or with non-finite residuals is
    /// an error that says what is missing.
    /// </summary>
    private static void RequireComparable(FidelityReport report, IReadOnlyList<KindFidelity>? perKind, string reconstructed)
    {
        string unmatched = perKind is null ? string.Empty
            : " Unmatched objects per kind: " + string.Join(", ", perKind.Where(k => k.Unmatched > 0).Select(k => $"{k.Kind} {k.Unmatched}")) +
              "; a slot layout drops objects of kinds it has no slots for (see compress's 'dropped' line).";
        foreach (VariableFidelity v in report.Variables)
        {
            if (v.Residual.Count == 0)
            {
                throw new Core.Errors.SieveDataException(reconstructed, null, v.Name,
                    "no value of the original has a counterpart in the reconstruction, so no residual can be formed." + (perKind is null ? string.Empty : unmatched),
                    "at least one value (object) present in both files");
            }

            foreach (SummaryStatistics? s in new[] { v.Residual, v.RelativeResidual })
            {
                if (s is { Count: > 0 } && !(double.IsFinite(s.Rms) && double.IsFinite(s.Mean)))
                {
                    throw new Core.Errors.SieveDataException(reconstructed, null, v.Name,
                        $"the residuals are not finite (RMS {s.Rms}); the reconstruction holds values that cannot be compared", "finite values");
                }
            }
        }
    }

    // The bounds apply by the rule compress uses (ErrorTarget.Find): a name, the part after its last '_', or its variable.
    private static List<BoundCheck> Check(FidelityReport report, IReadOnlyDictionary<string, string> bounds, VariableKinds? kinds)
    {
        string[] names = [.. report.Variables.Select(x => x.Name)];
        ErrorTarget.RequireAllApply(bounds, names, "--max-error", kinds);
        var checks = new List<BoundCheck>();
        foreach (VariableFidelity v in report.Variables)
        {
            if (ErrorTarget.Find(bounds, v.Name, kinds) is not { } key)
            {
                continue;
            }

            (double bound, bool relative) = ErrorTarget.Parse(v.Name, bounds[key]);
            SummaryStatistics stats = (relative ? v.RelativeResidual : v.Residual)
                ?? throw new ArgumentException($"--max-error {key}={bounds[key]}: {v.Name} has no relative residual (it is not an energy, pT or mass; --kinds {v.Name}=pt declares one); give an absolute bound.");
            checks.Add(new BoundCheck(v.Name, bound, relative, stats.MaxAbs, stats.MaxAbs <= bound));
        }

        return checks;
    }

    // The overall numbers of an event comparison: every matched object of every kind together.
    private static FidelityEvaluation Pooled(ObjectKindComparison comparison) =>
        new(new FidelityReport
        {
            Rows = comparison.PairedObjects,
            Variables = comparison.Overall,
            Notes = ["Events: objects of each kind paired closest first ((dpT/pT)^2 + deta^2 + dphi^2), so close-pT objects whose order flips are not compared crosswise; E and pT in GeV; relative residuals over all matched objects.", .. comparison.Notes],
        }, comparison.OverallResiduals);
}
