using System.Text.Json;
using Sieve.Core.Metrics.AnomalyDetection;
using Sieve.Core.Serialization;
using Sieve.IO;
using Sieve.Models.Autoencoders;
using Sieve.Models.Checkpoints;
using Sieve.Models.FixedPoint;
using Sieve.Models.Inference;
using Sieve.Models.Scoring;
using Sieve.Reports.FixedPoint;

namespace Sieve.Pipeline;

/// <summary>
/// The cost of each bit: the model emulated in fixed point at every total width of a range (integer
/// bits, sign and modes kept), each width's reconstruction score compared with the float model's on
/// the same events, and with a signal the AUC per width. Writes bit-scan.txt, bit-scan.json,
/// bit-scan.png (score differences) and bit-scan-auc.png (with a signal).
/// </summary>
/// <remarks>
/// The float score is <see cref="AnomalyScorer"/>'s, as `sieve score` computes it; the inputs are read
/// by <see cref="ModelInput"/> as `sieve score` reads them. AUCs count every event once (event weights
/// are not read here): the scan compares widths, and the same events enter every width.
/// </remarks>
public static class BitScanWorkflow
{
    /// <summary>Runs the scan; <paramref name="progress"/> gets each width as it is done.</summary>
    public static BitScanResult Run(BitScanRequest request, IProgress<BitScanRow>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.FromBits < 1 || request.ToBits > ApFixedFormat.MaxWidth || request.FromBits > request.ToBits)
        {
            throw new ArgumentException($"a bit scan runs over 1 <= from <= to <= {ApFixedFormat.MaxWidth} bits, got {request.FromBits}:{request.ToBits}.");
        }

        FixedPointConfig config = FixedPointModels.Config(request.Precision ?? (request.PerLayerFile is null ? "ap_fixed<16,6>" : null), request.PerLayerFile, request.Accumulator);
        ApFixedFormat scanned = config.Precision;
        int integerBits = request.IntegerBits ?? scanned.IntegerBits;

        (IAutoencoder model, ModelManifest manifest) = ModelCheckpoint.Load(request.ModelDirectory);
        AutoencoderWeights weights;
        ModelInput background;
        ModelInput? signal = null;
        double[] floatBackground, floatSignal = [];
        using (model)
        {
            weights = AutoencoderWeightsExport.TryFrom(model)
                ?? throw new ArgumentException($"{request.ModelDirectory}: fixed-point emulation covers dense autoencoders and VAEs; this model ({model.GetType().Name}) is not one.");
            background = Read(manifest, request, request.InputPath);
            floatBackground = AnomalyScorer.Score(model, background.Normalised, background.Mask).Recon;
            if (request.SignalPath is { } signalPath)
            {
                signal = Read(manifest, request, signalPath);
                floatSignal = AnomalyScorer.Score(model, signal.Normalised, signal.Mask).Recon;
            }
        }

        double? floatAuc = signal is null ? null : Auc(floatBackground, floatSignal);
        var rows = new List<BitScanRow>();
        for (int bits = request.FromBits; bits <= request.ToBits; bits++)
        {
            var precision = new ApFixedFormat(bits, integerBits, scanned.Signed, scanned.Quantisation, scanned.Overflow);
            var fixedPoint = FixedPointAutoencoder.Create(weights, config with { Precision = precision });
            double[] scores = FixedPointScorer.ReconstructionScores(fixedPoint, background.Normalised, background.Mask);
            double sum = 0, max = 0;
            for (int i = 0; i < scores.Length; i++)
            {
                double d = Math.Abs(scores[i] - floatBackground[i]);
                sum += d;
                max = Math.Max(max, d);
            }

            double? auc = signal is null ? null : Auc(scores, FixedPointScorer.ReconstructionScores(fixedPoint, signal.Normalised, signal.Mask));
            IReadOnlyList<LayerQuantisationSummary> layers = LayerQuantisationSummary.Of(fixedPoint);
            double parameters = layers.Sum(l => l.Weights.Count + l.Biases.Count);
            var row = new BitScanRow(bits, precision, sum / Math.Max(scores.Length, 1), max, auc,
                layers.Sum(l => l.Weights.Overflowed + l.Biases.Overflowed) / parameters, layers.Sum(l => l.Weights.Zeroed + l.Biases.Zeroed) / parameters)
            {
                Resources = ResourceEstimate.Of(weights, bits, request.ReuseFactor),
            };
            rows.Add(row);
            progress?.Report(row);
        }

        var result = new BitScanResult(BitScanResult.SchemaName, request.ModelDirectory, request.InputPath, request.SignalPath, floatBackground.Length,
            signal is null ? null : floatSignal.Length, floatAuc, floatBackground.Length == 0 ? 0 : floatBackground.Average(), rows);
        Write(request.OutputDirectory, result, integerBits);
        return result;
    }

    private static ModelInput Read(ModelManifest manifest, BitScanRequest request, string path) =>
        ModelInput.Prepare(manifest, path, request.Format, request.Channel, request.AllowDrop, request.Missing);

    private static double Auc(double[] background, double[] signal) =>
        RocCurve.Compute(ScoredSample.Create("background", background), ScoredSample.Create("signal", signal)).Auc;

    private static void Write(string directory, BitScanResult result, int integerBits)
    {
        Directory.CreateDirectory(directory);
        AtomicFile.WriteAllText(Path.Combine(directory, "bit-scan.txt"), result.ToText());
        AtomicFile.WriteAllText(Path.Combine(directory, "bit-scan.json"), JsonSerializer.Serialize(result, SieveJson.Options));
        int[] bits = [.. result.Rows.Select(r => r.TotalBits)];
        string title = $"Cost of each bit: ap_fixed<W,{integerBits}>";
        AtomicFile.WriteAllBytes(Path.Combine(directory, "bit-scan.png"), BitCostPlot.RenderDifferences(bits,
            [.. result.Rows.Select(r => r.MeanAbsScoreDifference)], [.. result.Rows.Select(r => r.MaxAbsScoreDifference)], title));
        if (result.FloatAuc is { } floatAuc)
        {
            AtomicFile.WriteAllBytes(Path.Combine(directory, "bit-scan-auc.png"), BitCostPlot.RenderAuc(bits, [.. result.Rows.Select(r => r.Auc ?? double.NaN)], floatAuc, title));
        }
    }
}
