using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Sieve.Core.Metrics.Generation;
using Sieve.Core.Serialization;
using Sieve.Pipeline.Generation;
using Spectre.Console;

namespace Sieve.Cli.Commands;

/// <summary>`sieve compare`: how close a generated sample is to a reference, in the field's metrics.</summary>
internal static class CompareCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var reference = new Option<string>("--reference", "-r") { Description = "Reference sample (e.g. the test split): a table, or an event file laid out with --layout.", Required = true };
        var generated = new Option<string>("--generated", "-g") { Description = "Generated sample (e.g. from `sieve generate`).", Required = true };
        var features = CommonOptions.Columns();
        features.Description = "Features to compare, e.g. m,pt,eta,phi; default: every feature of the generated file.";
        var layout = CommonOptions.Layout();
        var batches = new Option<int>("--bootstrap") { Description = "Resamples for W1's error (mean ± std over them, as JetNet's w1m). Default 5.", DefaultValueFactory = _ => 5 };
        var seed = new Option<int>("--seed") { Description = "Seed of the resampling (W1 and FPD). Default 42.", DefaultValueFactory = _ => 42 };
        var output = new Option<string?>("--out", "-o") { Description = "Directory for compare.json, one histogram with ratio panel per feature (PNG and SVG) and index.html." };
        var json = new Option<bool>("--json") { Description = "Print the report as JSON instead of a table." };
        var command = new Command("compare", "Compare a generated sample with a reference: W1 per feature with a bootstrap error, FPD (Fréchet distance of fitted Gaussians, " +
                                             "extrapolated to infinite sample size as JetNet does) with its error, and W1 of jet mass / energy where the features allow.")
        {
            reference, generated, features, layout, batches, seed, output, json,
        };
        features.Aliases.Add("--features");
        command.SetAction(parse =>
        {
            int s = parse.GetValue(seed);
            var request = new CompareRequest(parse.GetValue(reference)!, parse.GetValue(generated)!, CommonOptions.SplitColumns(parse.GetValue(features)),
                parse.GetValue(output), CommonOptions.ParseLayout(parse.GetValue(layout)),
                new BootstrapOptions { Batches = parse.GetValue(batches), Seed = s }, new FpdOptions { Seed = s });
            GenerationComparison result = CompareWorkflow.Run(request);
            if (parse.GetValue(json))
            {
                console.WriteLine(JsonSerializer.Serialize(result, SieveJson.Options));
                return 0;
            }

            var table = new Table().AddColumn("feature").AddColumn(new TableColumn("W1").RightAligned()).AddColumn(new TableColumn("W1 bootstrap").RightAligned());
            foreach (W1Estimate w in result.W1.Concat(result.DerivedW1))
            {
                table.AddRow(Markup.Escape(w.Feature), Invariant($"{w.Full:G4}"), Invariant($"{w.Mean:G4} ± {w.Std:G2}"));
            }

            console.Write(table);
            console.MarkupLine(Markup.Escape(Invariant($"FPD {result.Fpd.Value:G4} ± {result.Fpd.Error:G2} ({result.Fpd.SampleSizes[0]:N0} to {result.Fpd.SampleSizes[^1]:N0} rows per resample; reference {result.ReferenceRows:N0} rows, generated {result.GeneratedRows:N0})")));
            if (request.OutputDirectory is { } dir)
            {
                console.MarkupLine(Markup.Escape($"report: {Path.Combine(dir, CompareWorkflow.ReportFile)}, {Path.Combine(dir, "index.html")}"));
            }

            return 0;
        });
        return command;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
