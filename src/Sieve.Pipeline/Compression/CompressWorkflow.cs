using System.Text.Json;
using System.Text.Json.Nodes;
using Sieve.Compression.Archive;
using Sieve.Core.Layouts;
using Sieve.Core.Selection;
using Sieve.Core.Serialization;
using Sieve.Core.Tables;
using Sieve.Models.Autoencoders;
using Sieve.Models.Checkpoints;

namespace Sieve.Pipeline;

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
    /// <param name="latentSteps">Quantise the latents to integers with these steps (archive version 4); null keeps float latents.</param>
    /// <param name="embedModel">Put the model's files in the archive (version 4), so it decompresses on its own.</param>
    /// <param name="allowDrop">Accept a slot layout that drops more than 1 % of the objects.</param>
    /// <param name="missing">--missing as given: must be the model's marker (which applies either way).</param>
    /// <param name="bytesRead">Where to report the bytes of the input read so far.</param>
    public static CompressOutcome Run(string modelDirectory, string inputPath, string archivePath, InputFormat? format = null, Channel? channel = null,
        LatentDType latentType = LatentDType.Float32, IProgress<long>? rowsDone = null, CorrectionRequest? corrections = null, LatentSteps? latentSteps = null,
        bool embedModel = false, bool allowDrop = false, double? missing = null, IProgress<long>? bytesRead = null)
    {
        (IAutoencoder model, ModelManifest manifest) = ModelCheckpoint.Load(modelDirectory);
        using (model)
        {
            if (manifest.Set is not null)
            {
                // Its decoder emits objects in an order of its own, and its latent needs the presence mask:
                // neither is what an archive's latents and per-cell corrections are made of.
                throw new ArgumentException($"{modelDirectory} is a set model, which scores events (sieve score) but does not code archives; compress with a dense model.");
            }

            ModelInput prepared = ModelInput.Prepare(manifest, inputPath, format, channel, allowDrop, missing, bytesRead);
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

            if (manifest.Missing is { } policy)
            {
                options[MissingMarkerOption] = policy.Marker.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
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
            ArchiveContent content = latentSteps is null
                ? WithCorrections(new ArchiveContent(header, latents, table.SideChannels), model, manifest, input, corrections, inputPath, prepared.Mask)
                : QuantisedLatents(header, latents, latentSteps, model, manifest, input, corrections, inputPath, prepared.Mask);
            if (embedModel)
            {
                EmbeddedFile[] files = [.. new[] { ModelCheckpoint.ManifestFile, manifest.WeightsFile }.Select(name => new EmbeddedFile(name, File.ReadAllBytes(Path.Combine(modelDirectory, name))))];
                content = content with { Header = content.Header with { FormatVersion = 4, ModelEmbedded = true }, EmbeddedModel = files };
            }

            ArchiveWriter.Write(archivePath, content);
            return new CompressOutcome(archivePath, table.RowCount, input.FileBytes, ArchiveInspector.Inspect(archivePath),
                embedModel ? 0 : ModelCheckpoint.SizeOnDisk(modelDirectory, manifest), input.Dropped);
        }
    }

    // Adds the corrections that make the decoder's output meet the request (none when there is no request).
    private static ArchiveContent WithCorrections(ArchiveContent content, IAutoencoder model, ModelManifest manifest, LoadedInput input,
        CorrectionRequest? corrections, string inputPath, float[]? mask)
    {
        if (corrections is null)
        {
            return content;
        }

        // Decode exactly what the archive will hold (float16 rounded, quantised latents scaled), as decompress will.
        ArchiveHeader header = content.Header;
        float[] stored = Dequantised(header.Latent, content.Latents);
        double[] decoded = manifest.Normaliser.Inverse(BatchInference.Decode(model, stored));
        (CorrectionEncoding encoding, int[] values) = Corrections.Fit(input.Table, decoded, corrections.Targets, input.Unit.ToGeV(), corrections.MaxError, corrections.Kind, inputPath, mask, corrections.Kinds,
            InputLoader.IsEventFormat(input.Format));
        return content with { Header = header with { FormatVersion = 4, Corrections = encoding }, Corrections = values };
    }

    /// <summary>The latents the decoder sees: float16 rounded, or integer indices times their steps.</summary>
    public static float[] Dequantised(LatentEncoding latent, float[] stored)
    {
        ArgumentNullException.ThrowIfNull(latent);
        ArgumentNullException.ThrowIfNull(stored);
        if (latent.Steps is { } steps)
        {
            return [.. stored.Select((q, i) => (float)(q * steps[i % steps.Count]))];
        }

        return latent.DType == LatentDType.Float16 ? [.. stored.Select(z => (float)(Half)z)] : stored;
    }

    // Integer latents with the given steps, or (auto) the steps from a ladder that make the whole
    // archive smallest: coarser latents cost fewer bits but leave more for the corrections.
    private static ArchiveContent QuantisedLatents(ArchiveHeader header, float[] latents, LatentSteps request, IAutoencoder model, ModelManifest manifest,
        LoadedInput input, CorrectionRequest? corrections, string inputPath, float[]? mask)
    {
        int dims = header.Latent.Dims;
        IEnumerable<double[]> candidates;
        if (request.Steps is { } given)
        {
            candidates = [given.Count == 1 ? [.. Enumerable.Repeat(given[0], dims)] : given.Count == dims ? [.. given]
                : throw new ArgumentException($"--latent-step gives {given.Count} steps; the model has {dims} latent dimensions (give 1 or {dims}).")];
        }
        else
        {
            if (corrections is null)
            {
                throw new ArgumentException("--latent-step auto needs --target-rms or --max-error: the step is chosen to make latents plus corrections smallest at that target.");
            }

            double[] spread = [.. Enumerable.Range(0, dims).Select(d => StandardDeviation(latents, d, dims))];
            candidates = Enumerable.Range(0, 13).Select(k => spread.Select(s => Math.Max(s, 1e-6) * Math.Pow(2, -k)).ToArray());
        }

        ArchiveContent? best = null;
        long bestBytes = long.MaxValue;
        foreach (double[] steps in candidates)
        {
            var indices = new float[latents.Length];
            for (int i = 0; i < latents.Length; i++)
            {
                double q = Math.Round(latents[i] / steps[i % dims], MidpointRounding.AwayFromZero);
                if (Math.Abs(q) >= ArchiveFormat.MaxIntegerLatent)
                {
                    throw new ArgumentException($"latent {i % dims} at row {(i / dims) + 1} needs {q} steps of {steps[i % dims]}; use a larger --latent-step.");
                }

                indices[i] = (float)q;
            }

            ArchiveHeader quantised = header with
            {
                FormatVersion = 4,
                Latent = new LatentEncoding(LatentDType.Int32, header.Latent.Rows, dims) { Steps = steps },
            };
            ArchiveContent content = WithCorrections(new ArchiveContent(quantised, indices, input.Table.SideChannels), model, manifest, input, corrections, inputPath, mask);
            long bytes = ArchiveWriter.ToBytes(content).LongLength;
            if (bytes < bestBytes)
            {
                (best, bestBytes) = (content, bytes);
            }
        }

        return best!;
    }

    private static double StandardDeviation(float[] values, int dim, int dims)
    {
        double sum = 0, sum2 = 0;
        int n = values.Length / dims;
        for (int r = 0; r < n; r++)
        {
            double v = values[(r * dims) + dim];
            sum += v;
            sum2 += v * v;
        }

        return n == 0 ? 0 : Math.Sqrt(Math.Max(0, (sum2 / n) - ((sum / n) * (sum / n))));
    }
}
