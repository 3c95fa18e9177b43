using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Sieve.Core.Serialization;
using Sieve.Models.FixedPoint;
using Sieve.Pipeline;
using Spectre.Console;

namespace Sieve.Cli.Commands;

/// <summary>`sieve quantize-model`: post-training quantisation into hls4ml fixed-point types, or a scan of the cost of each bit.</summary>
internal static class QuantizeModelCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var model = new Option<string>("--model", "-m") { Description = "Model directory written by `sieve train` (a dense autoencoder or VAE).", Required = true };
        var precision = new Option<string?>("--precision", "-p")
        {
            Description = "Fixed-point type of everything, as hls4ml writes it: 'ap_fixed<16,6>', 'ap_fixed<8,3,AP_RND_CONV,AP_SAT>', 'ap_ufixed<10,4>'. " +
                          "Default for --scan: ap_fixed<16,6> (its width is what is scanned).",
        };
        var perLayer = new Option<string?>("--per-layer") { Description = "JSON file of per-layer types: {\"precision\": ..., \"accumulator\": ..., \"input\": ..., \"layers\": {\"encoder.0\": {\"weight\": ..., \"bias\": ..., \"accumulator\": ..., \"result\": ..., \"activation\": ..., \"table\": ..., \"table_size\": 1024}}}." };
        var accumulator = new Option<string?>("--accumulator") { Description = "Accumulator type (accum_t); default: the precision, as in hls4ml." };
        var scan = new Option<string?>("--scan") { Description = "Scan total bits FROM:TO (e.g. 4:18) on --input instead of writing a model: mean and max |score_fixed - score_float| per width, AUC with --signal." };
        var integerBits = new Option<int?>("--integer-bits") { Description = "Integer bits I kept across --scan (default: those of --precision)." };
        var reuse = new Option<int>("--reuse-factor") { Description = "hls4ml ReuseFactor for --scan's resource estimate per width: multiplications and weight bits (exact), multipliers and latency cycles (estimated). Default 1 (fully parallel).", DefaultValueFactory = _ => 1 };
        var input = new Option<string?>("--input", "-i") { Description = "Background input for --scan, in the model's format (read as `sieve score` reads it)." };
        var signal = new Option<string?>("--signal", "-s") { Description = "Signal input for --scan: the AUC against --input per width." };
        var format = CommonOptions.Format();
        var channel = CommonOptions.Channel();
        var allowDrop = CommonOptions.AllowDrop();
        var missing = CommonOptions.Missing();
        var json = new Option<bool>("--json") { Description = "Print the summary (or the scan) as JSON." };
        var output = new Option<string>("--out", "-o") { Description = "New model directory (a copy of the model with fixed-point.json); with --scan, the directory for bit-scan.txt, .json and plots.", Required = true };
        var command = new Command("quantize-model", "Post-training quantisation of a dense autoencoder into Vivado HLS / hls4ml ap_fixed types, emulated bit for bit: " +
                                                    "per layer the types, the weights that overflowed or became zero and the largest weight error. " +
                                                    "With --scan, the cost of each bit: the score's distance from the float model, and the AUC, against the total width.")
        {
            model, precision, perLayer, accumulator, scan, integerBits, reuse, input, signal, format, channel, allowDrop, missing, json, output,
        };
        command.SetAction(parse =>
        {
            if (parse.GetValue(scan) is { } range)
            {
                (int from, int to) = BitScanRequest.ParseRange(range);
                string inputPath = parse.GetValue(input) ?? throw new ArgumentException("--scan needs --input: the events to score at every width.");
                var request = new BitScanRequest(parse.GetValue(model)!, inputPath, parse.GetValue(output)!, from, to, parse.GetValue(integerBits),
                    parse.GetValue(precision), parse.GetValue(perLayer), parse.GetValue(accumulator), parse.GetValue(signal))
                {
                    ReuseFactor = parse.GetValue(reuse),
                    Format = parse.GetValue(format),
                    Channel = CommonOptions.ParseChannel(parse.GetValue(channel)),
                    AllowDrop = parse.GetValue(allowDrop),
                    Missing = parse.GetValue(missing),
                };
                BitScanResult result = BitScanWorkflow.Run(request);
                if (parse.GetValue(json))
                {
                    console.WriteLine(JsonSerializer.Serialize(result, SieveJson.Options));
                }
                else
                {
                    console.Write(new Text(result.ToText()));
                    console.MarkupLine($"table and plots in [bold]{Markup.Escape(request.OutputDirectory)}[/] (bit-scan.txt, bit-scan.json, bit-scan.png{(result.FloatAuc is null ? string.Empty : ", bit-scan-auc.png")})");
                }

                return 0;
            }

            if (parse.GetValue(integerBits) is not null || parse.GetValue(input) is not null || parse.GetValue(signal) is not null)
            {
                throw new ArgumentException("--integer-bits, --input and --signal belong to --scan.");
            }

            var quantize = new QuantizeModelRequest(parse.GetValue(model)!, parse.GetValue(precision), parse.GetValue(perLayer), parse.GetValue(accumulator), parse.GetValue(output)!);
            IReadOnlyList<LayerQuantisationSummary> layers = QuantizeModelWorkflow.Run(quantize);
            if (parse.GetValue(json))
            {
                console.WriteLine(JsonSerializer.Serialize(layers, SieveJson.Options));
            }
            else
            {
                Print(console, layers, quantize.OutputDirectory);
            }

            return 0;
        });
        return command;
    }

    private static void Print(IAnsiConsole console, IReadOnlyList<LayerQuantisationSummary> layers, string directory)
    {
        var table = new Table().AddColumns("layer", "shape", "activation", "weight / bias", "accumulator", "output", "overflowed", "zeroed", "max |weight error|");
        foreach (LayerQuantisationSummary l in layers)
        {
            int count = l.Weights.Count + l.Biases.Count;
            string Share(int n) => string.Create(CultureInfo.InvariantCulture, $"{(double)n / count:P1}");
            table.AddRow(
                l.Name,
                string.Create(CultureInfo.InvariantCulture, $"{l.InputSize} -> {l.OutputSize}"),
                l.Activation?.ToString() ?? "linear",
                Markup.Escape(l.Weight == l.Bias ? l.Weight.ToString() : $"{l.Weight} / {l.Bias}"),
                Markup.Escape(l.Accumulator.ToString()),
                Markup.Escape(l.Output.ToString() + (l.Table is { } t ? $" (table {t}, {l.TableSize})" : string.Empty)),
                Share(l.Weights.Overflowed + l.Biases.Overflowed),
                Share(l.Weights.Zeroed + l.Biases.Zeroed),
                Math.Max(l.Weights.MaxAbsError, l.Biases.MaxAbsError).ToString("G3", CultureInfo.InvariantCulture));
        }

        console.Write(table);
        console.MarkupLine($"[green]quantised[/] model written to [bold]{Markup.Escape(directory)}[/] ({FixedPointModelFile.FileName} beside model.json)");
    }
}
