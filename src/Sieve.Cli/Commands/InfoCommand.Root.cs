using System.Globalization;
using Sieve.IO.Root;
using Spectre.Console;

namespace Sieve.Cli.Commands;

/// <summary>`sieve info FILE.root`: the trees, their branches (type, entries, baskets, compression) and other objects.</summary>
internal static partial class InfoCommand
{
    private static void WriteRoot(IAnsiConsole console, string path, bool json)
    {
        RootFileSummary summary;
        using (RootFile file = RootFile.Open(path))
        {
            summary = RootFileSummary.From(file);
        }

        if (json)
        {
            console.WriteLine(summary.ToJson());
            return;
        }

        console.MarkupLine(Inv($"[bold]{Markup.Escape(summary.Source)}[/] (ROOT {summary.RootVersion}, {summary.Bytes:N0} bytes, {Markup.Escape(summary.Compression)}): {summary.Trees.Count} tree(s)"));
        foreach (RootTreeSummary tree in summary.Trees)
        {
            console.MarkupLine(Inv($"tree [bold]{Markup.Escape(tree.Path)}[/]: {tree.Entries:N0} entries, {tree.Branches.Count} branches, {tree.Branches.Count(b => b.ReadAs == "column")} read as table columns"));
            var table = new Table().AddColumns("branch", "type", "entries", "baskets", "compression", "bytes on file", "uncompressed", "read as");
            foreach (RootBranchSummary b in tree.Branches)
            {
                table.AddRow(Markup.Escape(b.Name), Markup.Escape(b.Type), N(b.Entries), N(b.Baskets), Markup.Escape(b.Compression),
                    N(b.CompressedBytes), N(b.UncompressedBytes), Markup.Escape(b.ReadAs));
            }

            console.Write(table);
        }

        foreach (RootObjectSummary o in summary.Objects)
        {
            string note = o.Note is null ? string.Empty : $": {o.Note}";
            console.MarkupLine(Markup.Escape($"{o.Path} ({o.ClassName}){note}"));
        }
    }

    private static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
