using System.Text.Json;
using System.Text.Json.Nodes;
using Sieve.Compression.Archive;
using Sieve.Core.Layouts;
using Sieve.Core.Selection;
using Sieve.Core.Serialization;
using Sieve.Core.Tables;
using Sieve.Models.Autoencoders;
using Sieve.Models.Checkpoints;

namespace Sieve.Cli.Workflows;

/// <summary>
/// compress: read -> normalise with the model's normaliser -> encode -> archive with the latents
/// (float32 or float16), the lossless side channels and the model's identity (hash of its weights);
/// optionally quantised corrections of the decoder's output to meet error targets or bounds.
/// </summary>
public static class CompressWorkflow
{
    /// <summary>Format option that remembers where the model was, so decompress can find it.</summary>
    public const string ModelPathOption = "model_path";

    /// <summary>Format option naming the channel selection applied before compression.</summary>
    public const string ChannelOption = "channel";

    /// <summary>Format option naming the event layout (absent: one row per object).</summary>
    public const string LayoutOption = "layout";

    /// <summary>Format option with the missing-value marker to put back where the missing-cells channel says.</summary>
    public const string MissingMarkerOption = "missing_marker";

    /// <summary>Format option listing numeric columns that travel as side channels (newline-separated).</summary>
    public const string MovedFeaturesOption = "moved_features";

    /// <summary>Compresses <paramref name="inputPath"/> into <paramref name="archivePath"/>.</summary>
    /// <param name="corrections">Targets or bounds for quantised corrections on top of the decoder's output (archive version 4); null for none.</param>
    public static CompressOutcome Run(string modelDirectory, string inputPath, string archivePath, InputFormat? format = null, Channel? channel = null,
        LatentDType latentType = LatentDType.Float32, IProgress<long>? rowsDone = null, CorrectionRequest? corrections = null)
    {
        (IAutoencoder model, ModelManifest manifest) = ModelCheckpoint.Load(modelDirectory);
        using (model)
        {
            ModelInput prepared = ModelInput.Prepare(manifest, inputPath, format, channel);
            LoadedInput input = prepared.Input;
            float[] normalised = prepared.Normalised;
            float[] latents = BatchInference.Encode(model, normalised, rowsDone);

            FeatureTable table = input.Table;
            var options = new Dictionary<string, string> { [ModelPathOption] = Path.GetFullPath(modelDirectory) };
            if (channel is { } selected)
            {
                options[ChannelOption] = selected.Code();
            }

            if (manifest.Schema.Layout != LayoutKind.PerObject)
            {
                options[LayoutOption] = manifest.Schema.Layout.ToString();
            }

            if (manifest.Missing is { } missing)
            {
                options[MissingMarkerOption] = missing.Marker.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
            }

            if (input.MovedFeatures is { Count: > 0 } moved)
            {
                options[MovedFeaturesOption] = string.Join('\n', moved);
            }

            var schema = new ArchiveSchema(
                InputFormat: input.Format.ToString().ToLowerInvariant(),
                ColumnOrder: table.ColumnOrder,
                FeatureNames: table.FeatureNames,
                SideChannelNames: [.. table.SideChannels.Select(c => c.Name)],
                RowCount: table.RowCount,
                EnergyUnit: input.Unit.ToString(),
                Synthetic: manifest.Synthetic,
                FormatOptions: options);
            var header = new ArchiveHeader(
                ToolInfo.Name,
                schema,
                new ModelIdentity(manifest.Preset, manifest.WeightsSha256, model.InputSize, model.LatentSize),
                JsonSerializer.SerializeToNode(manifest.Normaliser, SieveJson.Options),
                new LatentEncoding(latentType, table.RowCount, model.LatentSize))
            {
                FormatVersion = ArchiveFormat.VersionFor(latentType),
            };
            var content = new ArchiveContent(header, latents, table.SideChannels);
            if (corrections is not null)
            {
                // Decode exactly what the archive will hold (float16 latents rounded), as decompress will.
                float[] stored = latentType == LatentDType.Float16 ? [.. latents.Select(z => (float)(Half)z)] : latents;
                double[] decoded = manifest.Normaliser.Inverse(BatchInference.Decode(model, stored));
                (CorrectionEncoding encoding, int[] values) = Corrections.Fit(table, decoded, corrections.Targets, input.Unit.ToGeV(), corrections.MaxError, corrections.Kind, inputPath);
                content = content with { Header = header with { FormatVersion = 4, Corrections = encoding }, Corrections = values };
            }

            ArchiveWriter.Write(archivePath, content);
            return new CompressOutcome(archivePath, table.RowCount, input.FileBytes, ArchiveInspector.Inspect(archivePath), ModelCheckpoint.SizeOnDisk(modelDirectory, manifest), input.Dropped);
        }
    }
}
