using System.CommandLine;
using System.Globalization;
using Sieve.Pipeline;
using Spectre.Console;

namespace Sieve.Cli.Commands;

/// <summary>`sieve export`: a trained model for other runtimes.</summary>
internal static class ExportCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var model = new Option<string>("--model", "-m") { Description = "Model directory written by `sieve train` (dense AE or VAE).", Required = true };
        var onnx = new Option<string>("--onnx") { Description = "ONNX file to write (opset 17, float32): input 'features' (N, F) of normalised values; outputs 'latent', 'reconstruction' and, for a VAE, 'log_variance'.", Required = true };
        var command = new Command("export", "Write a trained dense model as ONNX, for ONNX Runtime, hls4ml's ONNX front end or any other runtime. " +
                                            "The normaliser stays in model.json: normalise the inputs as it says.")
        {
            model, onnx,
        };
        command.SetAction(parse =>
        {
            string path = parse.GetValue(onnx)!;
            (long bytes, string shape, bool variational) = ExportWorkflow.ToOnnx(parse.GetValue(model)!, path);
            console.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture,
                $"exported {shape}{(variational ? " VAE" : string.Empty)} to {path} ({bytes:N0} bytes, ONNX opset 17)")));
            return 0;
        });
        return command;
    }
}
