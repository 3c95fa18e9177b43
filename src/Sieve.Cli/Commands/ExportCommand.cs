using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Sieve.Core.Serialization;
using Sieve.Pipeline;
using Spectre.Console;

namespace Sieve.Cli.Commands;

/// <summary>`sieve export`: a trained model for other runtimes, and for hls4ml.</summary>
internal static class ExportCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var model = new Option<string>("--model", "-m") { Description = "Model directory written by `sieve train` (dense AE or VAE), or by `sieve quantize-model` (with fixed-point types).", Required = true };
        var onnx = new Option<string?>("--onnx") { Description = "ONNX file to write: input 'features' (N, F) of normalised values; outputs 'latent', 'reconstruction' and, for a VAE, 'log_variance'. The graph is chosen by --form." };
        var form = new Option<string>("--form")
        {
            Description = "Graph of --onnx: 'float' = the float model (opset 17); 'qdq' = the fixed-point model (opset 21): weights stored as integers (INT8/INT16/INT32) " +
                          "read by DequantizeLinear with scale 2^-F, and QuantizeLinear/DequantizeLinear casts into each layer's accum_t, result_t and activation result_t, " +
                          "which round half to even and saturate (bit for bit with the emulation for AP_RND_CONV/AP_SAT types; see docs/hls4ml.md for the others); " +
                          "'auto' (default) = qdq when the model carries fixed-point types, else float.",
            DefaultValueFactory = _ => "auto",
        };
        form.AcceptOnlyFromAmong("auto", "float", "qdq");
        var hls4ml = new Option<string?>("--hls4ml") { Description = "New directory for an hls4ml bundle: model.onnx for hls4ml's ONNX front end, hls4ml_config.json with every layer's types " +
                                                                     "(the model's from quantize-model, else hls4ml's default ap_fixed<16,6>), test vectors with the emulation's outputs, " +
                                                                     "convert.py (run where hls4ml is installed) and a README. See docs/hls4ml.md." };
        var reuse = new Option<int>("--reuse-factor") { Description = "hls4ml ReuseFactor written into the bundle's configuration (1 = fully parallel, lowest latency).", DefaultValueFactory = _ => 1 };
        var json = new Option<bool>("--json") { Description = "Print what was written as JSON." };
        var command = new Command("export", "Write a trained dense model for other runtimes: ONNX (float, or QDQ for a model with fixed-point types) for ONNX Runtime and " +
                                            "other runtimes, or an hls4ml bundle to make FPGA firmware from. Give --onnx, --hls4ml or both. " +
                                            "The normaliser stays in model.json: normalise the inputs as it says.")
        {
            model, onnx, form, hls4ml, reuse, json,
        };
        command.SetAction(parse =>
        {
            string? onnxPath = parse.GetValue(onnx), bundle = parse.GetValue(hls4ml);
            if (onnxPath is null && bundle is null)
            {
                throw new ArgumentException("give --onnx FILE, --hls4ml DIR or both: there is nothing to write.");
            }

            if (onnxPath is null && parse.GetValue(form) != "auto")
            {
                throw new ArgumentException("--form chooses the graph of --onnx; give --onnx FILE (the hls4ml bundle's ONNX is always float, its types are in hls4ml_config.json).");
            }

            if (parse.GetValue(reuse) < 1)
            {
                throw new ArgumentException($"--reuse-factor must be 1 or more, got {parse.GetValue(reuse)}.");
            }

            var outcomes = new List<ExportOutcome>();
            if (onnxPath is not null)
            {
                OnnxForm chosen = Enum.Parse<OnnxForm>(parse.GetValue(form)!, ignoreCase: true);
                outcomes.Add(ExportWorkflow.ToOnnx(parse.GetValue(model)!, onnxPath, chosen));
            }

            if (bundle is not null)
            {
                outcomes.Add(ExportWorkflow.ToHls4ml(parse.GetValue(model)!, bundle, parse.GetValue(reuse)));
            }

            if (parse.GetValue(json))
            {
                console.WriteLine(JsonSerializer.Serialize(outcomes, SieveJson.Options));
                return 0;
            }

            foreach (ExportOutcome o in outcomes)
            {
                string what = o.Files.Count == 0
                    ? $"{(o.Form == OnnxForm.Qdq ? "QDQ ONNX with the model's fixed-point types" : "float ONNX")}, opset {o.Opset}"
                    : $"hls4ml bundle: {string.Join(", ", o.Files)}; types {(o.TypesStored ? "from the model's fixed-point.json" : "hls4ml's default ap_fixed<16,6> (no fixed-point.json: run quantize-model to choose them)")}" +
                      (o.Variational ? "; the VAE's log-variance head is left out" : string.Empty);
                console.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture,
                    $"exported {o.Shape}{(o.Variational ? " VAE" : string.Empty)} to {o.Path} ({o.Bytes:N0} bytes, {what})")));
            }

            return 0;
        });
        return command;
    }
}
