using System.CommandLine;
using Sieve.Cli.Terminal;
using Sieve.Compression.Archive;
using Sieve.Pipeline;
using Spectre.Console;

namespace Sieve.Cli.Commands;

/// <summary>`sieve decompress`: decode a .sieve archive back into the input's format.</summary>
internal static class DecompressCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var input = new Option<string>("--input", "-i") { Description = "Archive (.sieve) to decompress. Its checksum is verified before anything is decoded.", Required = true };
        var model = new Option<string?>("--model", "-m") { Description = "Model directory. Default: the directory recorded at compression time (its hash must match)." };
        var output = new Option<string>("--out", "-o") { Description = "File to write, in the same format as the compressed input.", Required = true };
        var threads = new Option<int?>("--threads") { Description = "Threads that decode chunks of a version 5 archive; 0 = one per core (default). The output is the same with any number." };
        var command = new Command("decompress", "Decompress a .sieve archive into the original format (CSV table or DarkMachines). " +
                                                "Deterministic: the same archive and model always give the same bytes.")
        {
            input, model, output, threads,
        };
        command.SetAction(parse =>
        {
            string outPath = parse.GetValue(output)!, archive = parse.GetValue(input)!;

            // Progress by the archive's bytes, from the rows written (chunked archives are decoded in order).
            long total = ChunkedArchive.IsChunked(archive) ? ArchiveReader.ReadHeader(archive).Schema.RowCount : 0;
            long size = File.Exists(archive) ? new FileInfo(archive).Length : 0;
            int rows = ReadingDisplay.Run(console, archive, bytes => DecompressWorkflow.Run(archive, parse.GetValue(model), outPath,
                rowsDone: total > 0 ? new SyncProgress<long>(done => bytes.Report(done * size / total)) : null,
                threads: parse.GetValue(threads) ?? 0));
            console.MarkupLine($"[green]decompressed[/] {rows} rows into [bold]{Markup.Escape(outPath)}[/]");
            return 0;
        });
        return command;
    }
}
