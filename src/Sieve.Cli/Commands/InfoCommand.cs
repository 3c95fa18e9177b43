using System.CommandLine;
using System.Globalization;
using Sieve.Cli.Terminal;
using Sieve.Pipeline;
using Sieve.Core.Events;
using Sieve.Core.Summaries;
using Sieve.Core.Tables;
using Spectre.Console;

namespace Sieve.Cli.Commands;

/// <summary>`sieve info`: what is in a file: events, objects per kind, multiplicities; or a table's columns.</summary>
internal static partial class InfoCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var file = new Argument<string>("file") { Description = "Event file (DarkMachines, LHE, HepMC3, FastJet text), table (CSV, .npy/.npz, HDF5, Parquet) or ROOT file." };
        var format = CommonOptions.Format();
        var channel = CommonOptions.Channel();
        var columns = CommonOptions.Columns();
        var missing = CommonOptions.Missing();
        var json = new Option<bool>("--json") { Description = "Print the summary as JSON." };
        var command = new Command("info", "Summarise a file: for events, the event count, objects per kind, the multiplicity histogram, MET and HT ranges " +
                                          "(optionally after a channel selection); for tables, rows and per column its range, mean and missing cells.")
        {
            file, format, channel, columns, missing, json,
        };
        command.SetAction(parse =>
        {
            var request = new InputRequest(parse.GetValue(file)!, parse.GetValue(format), CommonOptions.SplitColumns(parse.GetValue(columns)), null,
                CommonOptions.ParseChannel(parse.GetValue(channel)));
            if (!File.Exists(InputLoader.FileOf(request.Path)))
            {
                throw new FileNotFoundException($"input file {request.Path} does not exist.", request.Path);
            }

            var kind = request.Format ?? InputLoader.Detect(request.Path);
            if (kind == InputFormat.Root && request.Columns is null)
            {
                WriteRoot(console, InputLoader.FileOf(request.Path), parse.GetValue(json));
            }
            else if (InputLoader.IsEventFormat(kind))
            {
                FileSummary summary = ReadingDisplay.Run(console, request.Path, bytes =>
                    FileSummary.From(InputLoader.ReadEvents(request with { Format = kind, BytesRead = bytes })), quiet: parse.GetValue(json)) with { Source = request.Path };
                if (parse.GetValue(json))
                {
                    console.WriteLine(summary.ToJson());
                }
                else
                {
                    WriteEvents(console, summary, kind.ToString(), request.Channel is { } c ? Sieve.Core.Selection.Channels.Code(c) : null);
                }
            }
            else
            {
                LoadedInput input = ReadingDisplay.Run(console, request.Path, bytes => InputLoader.Load(request with { BytesRead = bytes }), quiet: parse.GetValue(json));
                TableSummary summary = TableSummary.From(input.Table, parse.GetValue(missing)) with { Source = request.Path };
                if (parse.GetValue(json))
                {
                    console.WriteLine(summary.ToJson());
                }
                else
                {
                    WriteTable(console, summary);
                }
            }

            return 0;
        });
        return command;
    }

    private static void WriteEvents(IAnsiConsole console, FileSummary s, string format, string? channel)
    {
        string selection = channel is null ? string.Empty : ", channel " + channel;
        console.MarkupLine(Inv($"[bold]{Markup.Escape(s.Source ?? string.Empty)}[/] ({format}{selection}): {s.EventCount:N0} events, {s.ObjectCount:N0} objects, sum of weights {s.SumOfWeights:G6}"));
        if (s.Met is { } met)
        {
            console.MarkupLine(Inv($"MET {met.Min:F1} .. {met.Max:F1} GeV"));
        }

        if (s.Ht is { } ht)
        {
            console.MarkupLine(Inv($"HT {ht.Min:F1} .. {ht.Max:F1} GeV"));
        }

        var kinds = new Table().AddColumns("kind", "objects", "per event");
        foreach ((string code, long count) in s.ObjectsPerKind)
        {
            kinds.AddRow(Markup.Escape(code), count.ToString("N0", CultureInfo.InvariantCulture),
                s.EventCount == 0 ? "-" : ((double)count / s.EventCount).ToString("F3", CultureInfo.InvariantCulture));
        }

        console.Write(kinds);
        if (s.EventCount == 0)
        {
            // Nothing to chart: say why instead of drawing an empty histogram.
            console.MarkupLine(channel is null
                ? "[yellow]no events[/] in this file"
                : $"[yellow]no events[/] pass the channel {Markup.Escape(channel)} selection (its cuts are in docs/formats.md)");
            return;
        }

        if (s.EventsPerProcess.Count > 0)
        {
            console.MarkupLine("processes: " + Markup.Escape(string.Join(", ", s.EventsPerProcess.Select(p => Inv($"{p.Key} ({p.Value:N0})")))));
        }

        var chart = new BarChart().Label("objects per event").Width(60);
        for (int n = 0; n < s.Multiplicity.Count; n++)
        {
            if (s.Multiplicity[n] > 0)
            {
                chart.AddItem(n.ToString(CultureInfo.InvariantCulture), s.Multiplicity[n], Color.SteelBlue);
            }
        }

        console.Write(chart);
    }

    private static void WriteTable(IAnsiConsole console, TableSummary s)
    {
        console.MarkupLine(Inv($"[bold]{Markup.Escape(s.Source ?? string.Empty)}[/] (table): {s.Rows:N0} rows, {s.Columns.Count} columns"));
        var table = new Table().AddColumns("column", "role", "min", "max", "mean", "missing", "distinct");
        foreach (ColumnSummary c in s.Columns)
        {
            table.AddRow(Markup.Escape(c.Name), c.Role, G(c.Min), G(c.Max), G(c.Mean),
                c.Missing?.ToString("N0", CultureInfo.InvariantCulture) ?? "-", c.Distinct?.ToString("N0", CultureInfo.InvariantCulture) ?? "-");
        }

        console.Write(table);
    }

    private static string G(double? v) => v?.ToString("G6", CultureInfo.InvariantCulture) ?? "-";

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
