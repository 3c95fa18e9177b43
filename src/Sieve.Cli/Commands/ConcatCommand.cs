using System.CommandLine;
using System.Globalization;
using Sieve.Cli.Terminal;
using Sieve.Compression.Archive;
using Spectre.Console;

namespace Sieve.Cli.Commands;

/// <summary>`sieve concat`: join chunked archives of shards into one by copying their chunks (no re-coding).</summary>
internal static class ConcatCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var inputs = new Argument<string[]>("archives") { Description = "Version 5 archives to join, in order. Written with the same columns, quantiser or model and options (compress the later shards with --steps-from the first).", Arity = ArgumentArity.OneOrMore };
        var output = new Option<string>("--out", "-o") { Description = "Archive to write. Written to a temporary file and renamed, never half-written.", Required = true };
        var command = new Command("concat", "Join archives of shards into one without re-coding: every chunk is verified against its checksum and copied byte for byte, " +
                                            "and a new footer indexes them all. The result decompresses to the shards' rows, in the order given.")
        {
            inputs, output,
        };
        command.SetAction(parse =>
        {
            string[] paths = parse.GetValue(inputs)!;
            string outPath = parse.GetValue(output)!;
            if (paths.Any(p => Path.GetFullPath(p) == Path.GetFullPath(outPath)))
            {
                throw new ArgumentException($"--out {outPath} is also an input; write the joined archive to a new file.");
            }

            long total = paths.Where(File.Exists).Sum(p => new FileInfo(p).Length);
            long rows = ReadingDisplay.Run(console, $"{paths.Length} archives", total, bytes => ArchiveConcat.Concat(paths, outPath, bytes));
            ArchiveAccounting accounting = ArchiveInspector.Inspect(outPath);
            console.MarkupLine(string.Create(CultureInfo.InvariantCulture,
                $"[green]joined[/] {paths.Length} archives, {rows} rows in {accounting.Chunks} chunks, into [bold]{Markup.Escape(outPath)}[/]: {accounting.FileBytes} bytes ({total} bytes in)"));
            return 0;
        });
        return command;
    }
}
