using Sieve.Compression.Archive;
using Sieve.Core.Layouts;
using Sieve.Core.Normalisation;
using Sieve.Core.Tables;
using Sieve.IO;
using Sieve.IO.DarkMachines;
using Sieve.IO.Tables;

namespace Sieve.Pipeline;

/// <summary>
/// decompress of a version 5 archive that carries its quantiser, to text (CSV tables, DarkMachines
/// events), in bounded memory: a batch of chunks is verified, decoded and printed on all cores,
/// and the texts are written in chunk order to a temporary file that is renamed when the last
/// chunk is written. The bytes do not depend on the number of threads.
/// </summary>
internal static class ChunkedDecompression
{
    /// <summary>Whether the archive is decoded here: quantised (no model) and written back as text.</summary>
    public static bool Handles(ArchiveHeader header) =>
        QuantizeWorkflow.Wrote(header) && Enum.TryParse(header.Schema.InputFormat, ignoreCase: true, out InputFormat format)
        && (format is InputFormat.Csv or InputFormat.Root || InputLoader.IsEventFormat(format));

    /// <summary>Decompresses; returns the rows written.</summary>
    public static int Run(ChunkedArchive archive, string outputPath, int threads, IProgress<long>? rowsDone)
    {
        ArchiveHeader header = archive.Header;
        FeatureNormaliser quantiser = QuantizeWorkflow.StoredQuantiser(header);
        bool float16 = header.Model.Name == QuantizeWorkflow.Float16ModelName;
        bool events = InputLoader.IsEventFormat(Enum.Parse<InputFormat>(header.Schema.InputFormat, ignoreCase: true));
        string numberFormat = float16 ? DecompressWorkflow.CsvNumberFormat : CsvTableWriter.DefaultFormat;

        // One chunk's rows as the file's text: CSV rows (the header line is written once, before the first chunk) or DarkMachines event lines.
        (string Text, int Rows) Print(int index)
        {
            FeatureTable table = DecompressWorkflow.Dequantised(archive.ReadChunk(index), header, quantiser);

            // Sized for the chunk up front (about 12 characters a cell): growing a builder of
            // megabytes copies it again and again and keeps the collector busy with large arrays.
            var builder = new System.Text.StringBuilder(Math.Max(1024, table.RowCount * (table.ColumnOrder.Count + 1) * 12));
            using var text = new StringWriter(builder, System.Globalization.CultureInfo.InvariantCulture) { NewLine = "\n" };
            if (events)
            {
                DarkMachinesWriter.Write(text, EventLayouts.ToEvents(LayoutKind.PerObject, table));
            }
            else
            {
                if (index == 0)
                {
                    text.Write(CsvTableWriter.HeaderLine(table));
                }

                CsvTableWriter.WriteRows(text, table, numberFormat);
            }

            return (text.ToString(), table.RowCount);
        }

        int batchSize = 2 * (threads > 0 ? threads : Environment.ProcessorCount);
        long written = 0;
        AtomicFile.WriteText(outputPath, writer =>
        {
            for (int from = 0; from < archive.Chunks.Count; from += batchSize)
            {
                int count = Math.Min(batchSize, archive.Chunks.Count - from);
                var texts = new (string Text, int Rows)[count];
                Core.Parallelism.OrderedParallel.For(0, count, threads, i => texts[i] = Print(from + i));
                foreach ((string text, int rows) in texts)
                {
                    writer.Write(text);
                    written += rows;
                    rowsDone?.Report(written);
                }
            }
        });
        return checked((int)written);
    }
}
