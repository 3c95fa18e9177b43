using System.Globalization;
using Sieve.Core.Normalisation;
using Sieve.Core.Tables;
using Sieve.Models.Classifiers;

namespace Sieve.Pipeline;

/// <summary>
/// predict: a classifier trained by `sieve classify` scores new events: the input read with the
/// classifier's features, unit and layout, missing cells filled with the training fills, the training
/// normaliser, the signal probability -> a scores file like `sieve score`'s (column score_classifier),
/// so `sieve roc` reads it beside anomaly scores.
/// </summary>
public static class PredictWorkflow
{
    /// <summary>Scores <paramref name="inputPath"/> into <paramref name="outputPath"/>; returns the number of events.</summary>
    public static int Run(string modelDirectory, string inputPath, string outputPath, InputFormat? format = null, bool allowDrop = false)
    {
        (DenseClassifier model, ClassifierManifest manifest) = ClassifierCheckpoint.Load(modelDirectory);
        using (model)
        {
            var request = new InputRequest(inputPath, format ?? (InputLoader.IsEventFormat(manifest.InputFormat) ? null : manifest.InputFormat), manifest.Features,
                manifest.Unit, Missing: manifest.MissingMarker, Layout: manifest.Layout, AllowDrop: allowDrop);
            FeatureTable table = InputLoader.Load(request).Table;
            if (!table.FeatureNames.SequenceEqual(manifest.Features))
            {
                throw new ArgumentException($"{inputPath} gives the features {string.Join(", ", table.FeatureNames)}; the classifier reads {string.Join(", ", manifest.Features)}.");
            }

            float[]? mask = null;
            if (manifest.MissingMarker is { } marker && manifest.MissingFills is { } fills)
            {
                MissingValueSplit filled = MissingValues.Split(table, marker, fills);
                table = filled.Table;
                mask = [.. filled.Mask.Select(m => (float)m)];
            }

            float[] normalised;
            try
            {
                normalised = manifest.Normaliser.Transform(table.Values, mask);
            }
            catch (NormalisationException e)
            {
                throw new Sieve.Core.Errors.SieveDataException(inputPath, null, e.Feature,
                    $"row {e.Row + 1}: value {e.Value.ToString("R", CultureInfo.InvariantCulture)} cannot be normalised as the classifier's training data was", "a value inside the transform's domain");
            }

            double[] scores = model.Probabilities(normalised);
            int[] rows = [.. Enumerable.Range(0, table.RowCount)];
            ClassifyWorkflow.WriteScores(outputPath, table, rows, 0, scores, ClassifyWorkflow.EventWeights(table, inputPath), mask, table.FeatureCount,
                Path.GetFileNameWithoutExtension(inputPath));
            return table.RowCount;
        }
    }
}
