using System.Text.Json;
using Sieve.Compression.Archive;
using Sieve.Core.Layouts;
using Sieve.Core.Metrics;
using Sieve.Core.Normalisation;
using Sieve.Core.Serialization;
using Sieve.Core.Tables;
using Sieve.IO.DarkMachines;
using Sieve.IO.Arrays;
using Sieve.IO.Hdf5;
using Sieve.IO.Numpy;
using Sieve.IO.Parquet;
using Sieve.IO.Tables;
using Sieve.Models.Autoencoders;
using Sieve.Models.Checkpoints;

namespace Sieve.Pipeline;

/// <summary>
/// decompress: verify the archive's checksum -> find the model with the recorded hash -> decode ->
/// inverse normalisation -> write the input's format back with the side channels verbatim.
/// Deterministic: the same archive and model give the same bytes.
/// </summary>
public static class DecompressWorkflow
{
    /// <summary>Number format of float16 archives' CSV values: float32 round-trip precision (other archives' values are rounded first and printed shortest).</summary>
    public const string CsvNumberFormat = "G9";

    /// <summary>Decompresses; returns the number of rows written.</summary>
    /// <param name="threads">Threads that decode chunks of a version 5 archive; 0 = one per core. The output does not depend on it.</param>
    public static int Run(string archivePath, string? modelDirectory, string outputPath, IProgress<long>? rowsDone = null, int threads = 0)
    {
        if (ChunkedArchive.IsChunked(archivePath))
        {
            // Chunk by chunk, in bounded memory, where the output is text and no model is needed.
            using ChunkedArchive archive = ChunkedArchive.Open(archivePath);
            if (ChunkedDecompression.Handles(archive.Header))
            {
                return ChunkedDecompression.Run(archive, outputPath, threads, rowsDone);
            }
        }

        ArchiveContent content = ArchiveReader.Read(archivePath);
        ArchiveHeader header = content.Header;
        if (QuantizeWorkflow.Wrote(header))
        {
            // Quantised archives carry their quantiser: no model to load.
            FeatureTable quantised = Dequantised(content, header, QuantizeWorkflow.StoredQuantiser(header));
            bool float16 = header.Model.Name == QuantizeWorkflow.Float16ModelName;
            Write(quantised, header.Schema.InputFormat, LayoutKind.PerObject, outputPath, float16 ? CsvNumberFormat : CsvTableWriter.DefaultFormat);
            return quantised.RowCount;
        }

        // An embedded model decodes the archive on its own (unless --model names another copy).
        string? extracted = null;
        if (modelDirectory is null && content.EmbeddedModel is { } files)
        {
            extracted = Directory.CreateTempSubdirectory("sieve-model-").FullName;
            foreach (EmbeddedFile file in files)
            {
                File.WriteAllBytes(Path.Combine(extracted, file.Name), file.Bytes);
            }
        }

        try
        {
            return DecodeWithModel(content, modelDirectory ?? extracted, archivePath, outputPath, rowsDone);
        }
        finally
        {
            if (extracted is not null)
            {
                Directory.Delete(extracted, recursive: true);
            }
        }
    }

    private static int DecodeWithModel(ArchiveContent content, string? modelDirectory, string archivePath, string outputPath, IProgress<long>? rowsDone)
    {
        ArchiveHeader header = content.Header;
        string directory = modelDirectory
            ?? (header.Schema.FormatOptions.TryGetValue(CompressWorkflow.ModelPathOption, out string? recorded) ? recorded : null)
            ?? throw new ArgumentException($"{archivePath} does not record where its model is; pass --model.");
        if (!Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException($"model directory {directory} not found; pass --model with the model whose weights have SHA-256 {header.Model.Sha256}.");
        }

        ModelManifest manifest = ModelCheckpoint.ReadManifest(directory);
        if (!string.Equals(manifest.WeightsSha256, header.Model.Sha256, StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidDataException($"{archivePath} was written with model {header.Model.Sha256[..12]}... but {directory} holds model {manifest.WeightsSha256[..12]}...; pass the matching --model.");
        }

        (IAutoencoder model, _) = ModelCheckpoint.Load(directory);
        using (model)
        {
            float[] normalised = BatchInference.Decode(model, CompressWorkflow.Dequantised(header.Latent, content.Latents), rowsDone);
            double[] values = manifest.Normaliser.Inverse(normalised);
            if (header.Corrections is { } corrections)
            {
                Corrections.Apply(corrections, values, content.Corrections!);
                RoundToPrecision(values, corrections.Quantiser.Deserialize<FeatureNormaliser>(SieveJson.Options)!.Transforms, header);
            }
            else
            {
                // The decoder's output is float32: its shortest text, not the noise of the float -> double conversion.
                for (int i = 0; i < values.Length; i++)
                {
                    values[i] = PrintedPrecision.Float32Shortest(values[i]);
                }
            }

            var table = WithMarkers(new FeatureTable(header.Schema.FeatureNames, values, header.Schema.RowCount, content.SideChannels, header.Schema.ColumnOrder), header);

            string[] moved = header.Schema.FormatOptions.TryGetValue(CompressWorkflow.MovedFeaturesOption, out string? list) ? list.Split('\n') : [];
            LayoutKind layout = header.Schema.FormatOptions.TryGetValue(CompressWorkflow.LayoutOption, out string? layoutName)
                ? Enum.Parse<LayoutKind>(layoutName) : LayoutKind.PerObject;
            Write(FeatureSelection.Restore(table, moved), header.Schema.InputFormat, layout, outputPath, CsvTableWriter.DefaultFormat);
            return table.RowCount;
        }
    }

    /// <summary>
    /// The rows of a quantised archive (or of one chunk: <paramref name="content"/>'s own row count)
    /// back in the file's units: the quantiser's inverse, rounded to the digits it resolves (float16
    /// values keep the float32-style text), missing-value markers put back.
    /// </summary>
    internal static FeatureTable Dequantised(ArchiveContent content, ArchiveHeader header, FeatureNormaliser quantiser)
    {
        double[] decoded = quantiser.Inverse(content.Latents);
        if (header.Model.Name != QuantizeWorkflow.Float16ModelName)
        {
            RoundToPrecision(decoded, quantiser.Transforms, header);
        }

        var table = new FeatureTable(header.Schema.FeatureNames, decoded, content.Header.Latent.Rows, content.SideChannels, header.Schema.ColumnOrder);
        return WithMarkers(table, header);
    }

    // Puts the missing-value marker back where the missing-cells side channel says, and drops that channel.
    private static FeatureTable WithMarkers(FeatureTable table, ArchiveHeader header)
    {
        if (table.SideChannels.FirstOrDefault(c => c.Name == MissingCellsChannel.Name) is not { } cells
            || !header.Schema.FormatOptions.TryGetValue(CompressWorkflow.MissingMarkerOption, out string? markerText))
        {
            return table;
        }

        double marker = double.Parse(markerText, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture);
        FeatureTable restored = MissingValues.Restore(table, MissingCellsChannel.Decode(cells, table.FeatureCount), marker);
        return new FeatureTable(restored.FeatureNames, restored.Values, restored.RowCount,
            [.. restored.SideChannels.Where(c => c.Name != MissingCellsChannel.Name)], restored.ColumnOrder);
    }

    // Decoded values rounded to the digits their quantiser resolves, in the unit the file is written in (what the compressor measured).
    private static void RoundToPrecision(double[] values, IReadOnlyList<FeatureTransform> transforms, ArchiveHeader header)
    {
        bool events = Enum.TryParse(header.Schema.InputFormat, ignoreCase: true, out InputFormat kind) && InputLoader.IsEventFormat(kind);
        double[] scales = [.. header.Schema.FeatureNames.Select(n => PrintedPrecision.PrintScale(events, VariableRoles.Classify(n)))];
        PrintedPrecision.RoundAll(values, transforms, scales);
    }

    private static void Write(FeatureTable table, string format, LayoutKind layout, string outputPath, string csvNumberFormat)
    {
        if (!Enum.TryParse(format, ignoreCase: true, out InputFormat kind))
        {
            throw new InvalidDataException($"the archive's input format '{format}' is not one this Sieve writes.");
        }

        // Pixel features (named by ImageTable) go back as images, whichever mode coded them.
        RowShape? image = kind == InputFormat.Npy && table.SideChannels.Count == 0 ? ImageTable.ShapeFromNames(table.FeatureNames) : null;
        switch (kind)
        {
            case InputFormat.Csv or InputFormat.Root:
                // Sieve writes no ROOT files; a table read from a TTree comes back as CSV.
                CsvTableWriter.Write(outputPath, table, csvNumberFormat);
                break;
            case InputFormat.Npy when image is not null:
                // Images go back as (N, C, H, W), channels first whatever order they came in (ImageTable).
                NpyWriter.Write(outputPath, new DenseArray(table.Values, [table.RowCount, .. image.Dims]), ArrayElementType.Float32);
                break;
            case InputFormat.Npy:
                NpyWriter.WriteTable(outputPath, table, ArrayElementType.Float64); // float64 keeps moved columns exact
                break;
            case InputFormat.Hdf5:
                Hdf5TableWriter.Write(outputPath, table, ArrayElementType.Float64);
                break;
            case InputFormat.Parquet:
                ParquetTableWriter.Write(outputPath, table);
                break;
            default:
                // Event inputs come back as DarkMachines CSV (there are no writers for generator formats).
                DarkMachinesWriter.Write(outputPath, EventLayouts.ToEvents(layout, table));
                break;
        }
    }
}
