using System.CommandLine;
using System.Text.Json;
using Sieve.Cli.Terminal;
using Sieve.Compression.Archive;
using Sieve.Core.Serialization;
using Spectre.Console;

namespace Sieve.Cli.Commands;

/// <summary>`sieve inspect`: header, sizes and checksum status of an archive.</summary>
internal static class InspectCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var file = new Argument<string>("file") { Description = "Archive (.sieve) to inspect." };
        var json = new Option<bool>("--json") { Description = "Print the header and the byte accounting as JSON instead of tables." };
        var command = new Command("inspect", "Show an archive's header (schema, model identity, normaliser, latent encoding), the bytes of every section, and whether its checksum is valid.")
        {
            file, json,
        };
        command.SetAction(parse =>
        {
            string path = parse.GetValue(file)!;
            ArchiveAccounting accounting;
            ArchiveHeader header;
            if (ChunkedArchive.IsChunked(path))
            {
                // Version 5: chunk by chunk, never the whole file in memory (a damaged chunk throws, naming it).
                accounting = ArchiveInspector.Inspect(path);
                header = ArchiveReader.ReadHeader(path);
            }
            else
            {
                byte[] bytes = File.ReadAllBytes(path);   // read once, inspected and parsed from memory
                accounting = ArchiveInspector.InspectBytes(bytes, path);
                if (accounting.Checksum != ChecksumStatus.Valid)
                {
                    Summaries.Accounting(console, accounting, 0);
                    throw new InvalidDataException($"{path}: checksum {accounting.Checksum}; the archive is corrupt and will not be decoded.");
                }

                header = ArchiveReader.FromBytes(bytes, path).Header;
            }

            if (parse.GetValue(json))
            {
                console.WriteLine(JsonSerializer.Serialize(new { header, accounting }, SieveJson.Options));
                return 0;
            }

            ArchiveSchema s = header.Schema;
            var grid = new Grid().AddColumns(2);
            grid.AddRow("file", Markup.Escape(path));
            grid.AddRow("format version", header.FormatVersion.ToString(System.Globalization.CultureInfo.InvariantCulture));
            grid.AddRow("written by", Markup.Escape(header.Tool));
            grid.AddRow("input format", Markup.Escape(s.InputFormat) + (s.Synthetic ? " [yellow](synthetic data)[/]" : string.Empty));
            grid.AddRow("rows", s.RowCount.ToString("N0", System.Globalization.CultureInfo.InvariantCulture));
            grid.AddRow("features", Markup.Escape(string.Join(", ", s.FeatureNames)) + $" ({Markup.Escape(s.EnergyUnit)})");
            grid.AddRow("side channels", Markup.Escape(string.Join(", ", s.SideChannelNames)));
            grid.AddRow("model", Markup.Escape($"{header.Model.Name} {header.Model.InputSize} -> {header.Model.LatentSize}, weights SHA-256 {header.Model.Sha256}"));
            grid.AddRow("latent", Markup.Escape($"{header.Latent.DType}, {header.Latent.Rows} x {header.Latent.Dims}"
                + (header.FormatVersion >= 4 ? $", {header.Latent.Quantisation.ToString().ToLowerInvariant()} quantisation" : string.Empty)));
            if (accounting.Chunks > 0)
            {
                grid.AddRow("chunks", accounting.Chunks.ToString("N0", System.Globalization.CultureInfo.InvariantCulture) + " (coded independently; each with its SHA-256 in the footer's index)");
            }

            console.Write(grid);
            Summaries.Accounting(console, accounting, s.RowCount);
            console.MarkupLine(System.FormattableString.Invariant($"{(double)accounting.FileBytes / Math.Max(1, s.RowCount):F3} bytes/row, {8.0 * accounting.FileBytes / Math.Max(1, s.RowCount):F2} bits/row"));
            return 0;
        });
        return command;
    }
}
