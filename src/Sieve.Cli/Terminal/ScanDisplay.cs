using System.Globalization;
using Sieve.Core.Metrics.Scans;
using Spectre.Console;

namespace Sieve.Cli.Terminal;

/// <summary>A scan's table: per value, the validation loss over seeds, and the value picked with its rule.</summary>
internal static class ScanDisplay
{
    public static void Show(IAnsiConsole console, ParameterScan scan, string folder)
    {
        var table = new Table().AddColumns(scan.Parameter, "seeds", "mean val. loss", "std. dev.", "std. error", "min", "max", "");
        foreach (ScanValueSummary v in scan.Values)
        {
            table.AddRow(Cell(v.Value), Cell(v.Seeds), Cell(v.Mean), Cell(v.StandardDeviation), Cell(v.Seeds > 1 ? v.StandardError : double.NaN), Cell(v.Minimum), Cell(v.Maximum),
                v == scan.Best ? "[green]picked[/]" : "");
        }

        console.Write(table);
        console.MarkupLine($"picked [bold]{Markup.Escape(scan.Parameter)} = {scan.Best.Value}[/]: the {Markup.Escape(ParameterScan.Rule)}");
        console.MarkupLine($"table {Markup.Escape(Path.Combine(folder, "scan.csv"))}, summary {Markup.Escape(Path.Combine(folder, "scan.json"))}, plot {Markup.Escape(Path.Combine(folder, "scan.png"))}");
    }

    private static string Cell(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Cell(double value) => double.IsFinite(value) ? value.ToString("G4", CultureInfo.InvariantCulture) : "-";
}
