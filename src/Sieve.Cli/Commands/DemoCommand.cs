using System.CommandLine;
using Sieve.Cli.Terminal;
using Sieve.Pipeline;
using Spectre.Console;

namespace Sieve.Cli.Commands;

/// <summary>`sieve demo`: the whole path on a built-in synthetic sample, no download needed.</summary>
internal static class DemoCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var output = new Option<string>("--out", "-o") { Description = "Directory for the demo's data, model, archive and report. Default ./sieve-demo.", DefaultValueFactory = _ => "sieve-demo" };
        var epochs = new Option<int>("--epochs", "-e") { Description = "Training epochs. Default 25.", DefaultValueFactory = _ => 25 };
        var rows = new Option<int>("--rows") { Description = "Synthetic training jets (test jets are a quarter of this). Default 20000.", DefaultValueFactory = _ => 20000 };
        var command = new Command("demo", "Run train -> compress -> decompress -> evaluate on a small SYNTHETIC jet sample that Sieve generates " +
                                          "(m, pt, phi, eta; no download), then anomaly detection: a VAE trained on synthetic background events " +
                                          "scores held-out background and a planted dijet-resonance signal (ROC, AUC, HTML report). Every output is labelled synthetic.")
        {
            output, epochs, rows,
        };
        command.SetAction(parse =>
        {
            int trainRows = parse.GetValue(rows);
            var options = new DemoWorkflow.Options(parse.GetValue(output)!, trainRows, Math.Max(1, trainRows / 4), parse.GetValue(epochs));
            console.MarkupLine("[yellow]Sieve demo on a synthetic jet sample[/] (generated here; not physics data)");
            DemoWorkflow.Outcome outcome = TrainingDisplay.Run(console, options.Epochs,
                progress => DemoWorkflow.Run(options, progress, s => console.MarkupLine($"[grey]>[/] {Markup.Escape(s)}")));
            Summaries.Train(console, outcome.Train);
            Summaries.Compress(console, outcome.Compress);
            Summaries.Fidelity(console, outcome.Report, outcome.ReportDirectory);
            if (outcome.Anomaly is { } anomaly)
            {
                RocCommand.Print(console, anomaly, outcome.AnomalyDirectory!);
            }

            if (outcome.Images is { } images)
            {
                console.MarkupLine("[bold]calorimeter-region images, convolutional VAE[/] (SYNTHETIC events)");
                RocCommand.Print(console, images, outcome.ImagesDirectory!);
                console.MarkupLine(Markup.Escape($"reconstructions, averages and a latent traversal: {Path.Combine(outcome.ImagesDirectory!, "reconstructions", "index.html")}"));
            }
            return 0;
        });
        return command;
    }
}
