using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Sieve.Core.Serialization;
using Sieve.Models.Autoencoders;
using Sieve.Pipeline.Benchmarks;
using Spectre.Console;

namespace Sieve.Cli.Commands;

/// <summary>`sieve bench`: reproducible throughput and latency numbers for a preset's model on this machine.</summary>
internal static class BenchCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var what = new Option<BenchKind>("--what")
        {
            Description = "score: events/s of scoring in-memory rows (no file I/O); latency: median and p99 time of one forward pass of a batch, one thread; " +
                          "train: events/s of training (libtorch).",
            DefaultValueFactory = _ => BenchKind.Score,
        };
        var preset = new Option<string>("--preset") { Description = $"Model shape: {string.Join(", ", ModelCatalogue.Presets.Keys)}.", DefaultValueFactory = _ => "small" };
        var features = new Option<int?>("--features") { Description = "Input features F (default: 57 for l1-57, 60 for dense-60, else 4)." };
        var latent = new Option<int?>("--latent") { Description = "Latent size (default: the preset's)." };
        var batch = new Option<int?>("--batch") { Description = "Rows per call (default: 65536 for score, 1 for latency, 256 per step for train)." };
        var seconds = new Option<double>("--seconds") { Description = "Time each engine is measured for, after a warm-up call.", DefaultValueFactory = _ => 3 };
        var threads = new Option<int?>("--threads") { Description = "Threads; 0 = one per core (default). Latency is always one thread." };
        var encoderOnly = new Option<bool>("--encoder-only") { Description = "score and latency of a VAE of the preset's shape by its encoder alone: R_z = sum mu^2/sigma^2, no decoder (a Level-1 trigger's score)." };
        var json = new Option<bool>("--json") { Description = "Print the result as JSON instead of a table." };
        var command = new Command("bench", "Measure the events/s or latency of a preset's model on synthetic rows of its shape, the native kernels and libtorch side by side, " +
                                           "so that numbers can be reproduced on any machine.")
        {
            what, preset, features, latent, batch, seconds, threads, encoderOnly, json,
        };
        command.SetAction(parse =>
        {
            var request = new BenchRequest(parse.GetValue(what), parse.GetValue(preset)!, parse.GetValue(features), parse.GetValue(latent), parse.GetValue(batch),
                parse.GetValue(seconds), parse.GetValue(threads) is > 0 and var t ? t : null, EncoderOnly: parse.GetValue(encoderOnly));
            bool asJson = parse.GetValue(json);
            BenchResult result = asJson
                ? BenchWorkflow.Run(request)
                : console.Status().Start("warming up", context => BenchWorkflow.Run(request, new Progress<string>(s => context.Status(s))));
            if (asJson)
            {
                console.WriteLine(JsonSerializer.Serialize(result, SieveJson.Options));
                return 0;
            }

            console.MarkupLine(Markup.Escape($"{result.Kind}: {result.Model}, {result.Parameters:N0} parameters, batch {result.Batch}, {result.Threads} thread(s)"));
            console.MarkupLine("[grey]" + Markup.Escape(result.Machine) + "[/]");
            var table = new Table().AddColumns("engine", "calls", "events/s", "median per call", "p99 per call");
            foreach (BenchEngineResult e in result.Engines)
            {
                table.AddRow(e.Engine, e.Calls.ToString("N0", CultureInfo.InvariantCulture), e.EventsPerSecond.ToString("N0", CultureInfo.InvariantCulture),
                    Duration(e.MedianMicroseconds), Duration(e.P99Microseconds));
            }

            console.Write(table);
            if (result.Engines.Count == 2)
            {
                console.MarkupLine(string.Create(CultureInfo.InvariantCulture, $"native / torch: {result.Engines[0].EventsPerSecond / result.Engines[1].EventsPerSecond:F1}x events/s"));
            }

            return 0;
        });
        return command;
    }

    private static string Duration(double microseconds) => microseconds switch
    {
        < 1 => string.Create(CultureInfo.InvariantCulture, $"{microseconds * 1000:F0} ns"),
        < 1000 => string.Create(CultureInfo.InvariantCulture, $"{microseconds:F2} us"),
        < 1e6 => string.Create(CultureInfo.InvariantCulture, $"{microseconds / 1000:F2} ms"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{microseconds / 1e6:F2} s"),
    };
}
