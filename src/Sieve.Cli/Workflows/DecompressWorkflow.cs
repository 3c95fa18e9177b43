using Sieve.Compression.Archive;
using Sieve.Core.Layouts;
using Sieve.Core.Tables;
using Sieve.IO.DarkMachines;
using Sieve.IO.Arrays;
using Sieve.IO.Hdf5;
using Sieve.IO.Numpy;
using Sieve.IO.Parquet;
using Sieve.IO.Tables;
using Sieve.Models.Autoencoders;
using Sieve.Models.Checkpoints;

namespace Sieve.Cli.Workflows;

/// <summary>
/// decompress: verify the archive's checksum -> find the model with the recorded hash -> decode ->
/// inverse normalisation -> write the input's format back with the side channels verbatim.
/// Deterministic: the same archive and model give the same bytes.
/// </summary>
public static class DecompressWorkflow
{
    /// <summary>Number format of reconstructed CSV values: float32 round-trip precision.</summary>
    public const string CsvNumberFormat = "G9";

    /// <summary>Decompresses; returns the number of rows written.</summary>
    public static int Run(string archivePath, string? modelDirectory, string outputPath, IProgress<long>? rowsDone = null)
    {
        ArchiveContent content = ArchiveReader.Read(archivePath);
        ArchiveHeader header = content.Header;
        if (QuantizeWorkflow.Wrote(header))
        {
            // Quantised archives carry their quantiser: no model to load.
            var quantised = new FeatureTable(header.Schema.FeatureNames, QuantizeWorkflow.Dequantize(header, content.Latents), header.Schema.RowCount,
                content.SideChannels, header.Schema.ColumnOrder);
            Write(quantised, header.Schema.InputFormat, LayoutKind.PerObject, outputPath);
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
            }

            var table = new FeatureTable(header.Schema.FeatureNames, values, header.Schema.RowCount, content.SideChannels, header.Schema.ColumnOrder);
            if (content.SideChannels.FirstOrDefault(c => c.Name == MissingCellsChannel.Name) is { } cells
                && header.Schema.FormatOptions.TryGetValue(CompressWorkflow.MissingMarkerOption, out string? markerText))
            {
                double marker = double.Parse(markerText, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture);
                FeatureTable restored = MissingValues.Restore(table, MissingCellsChannel.Decode(cells, table.FeatureCount), marker);
                table = new FeatureTable(restored.FeatureNames, restored.Values, restored.RowCount,
                    [.. restored.SideChannels.Where(c => c.Name != MissingCellsChannel.Name)], restored.ColumnOrder);
            }

            string[] moved = header.Schema.FormatOptions.TryGetValue(CompressWorkflow.MovedFeaturesOption, out string? list) ? list.Split('\n') : [];
            LayoutKind layout = header.Schema.FormatOptions.TryGetValue(CompressWorkflow.LayoutOption, out string? layoutName)
                ? Enum.Parse<LayoutKind>(layoutName) : LayoutKind.PerObject;
            Write(FeatureSelection.Restore(table, moved), header.Schema.InputFormat, layout, outputPath);
            return table.RowCount;
        }
    }

    private static void Write(FeatureTable table, string format, LayoutKind layout, string outputPath)
    {
        if (!Enum.TryParse(format, ignoreCase: true, out InputFormat kind))
        {
            throw new InvalidDataException($"the archive's input format '{format}' is not one this Sieve writes.");
        }

        switch (kind)
        {
            case InputFormat.Csv or InputFormat.Root:
                // Sieve writes no ROOT files; a table read from a TTree comes back as CSV.
                CsvTableWriter.Write(outputPath, table, CsvNumberFormat);
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
