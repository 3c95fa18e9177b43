using Sieve.Compression.Archive;
using Sieve.Core.Layouts;
using Sieve.Core.Tables;
using Sieve.IO.DarkMachines;
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

        (DenseAutoencoder model, _) = ModelCheckpoint.Load(directory);
        using (model)
        {
            float[] normalised = BatchInference.Decode(model, content.Latents, rowsDone);
            double[] values = manifest.Normaliser.Inverse(normalised);
            var table = new FeatureTable(header.Schema.FeatureNames, values, header.Schema.RowCount, content.SideChannels, header.Schema.ColumnOrder);
            Write(table, header.Schema.InputFormat, outputPath);
            return table.RowCount;
        }
    }

    private static void Write(FeatureTable table, string format, string outputPath)
    {
        // Event inputs come back as DarkMachines CSV (there are no writers for generator formats).
        if (!string.Equals(format, nameof(InputFormat.Csv), StringComparison.OrdinalIgnoreCase))
        {
            DarkMachinesWriter.Write(outputPath, PerObjectLayout.ToEvents(table));
        }
        else
        {
            CsvTableWriter.Write(outputPath, table, CsvNumberFormat);
        }
    }
}
