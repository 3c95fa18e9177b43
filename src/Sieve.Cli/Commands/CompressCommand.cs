using System.CommandLine;
using Sieve.Cli.Terminal;
using Sieve.Cli.Workflows;
using Sieve.Compression.Archive;
using Spectre.Console;

namespace Sieve.Cli.Commands;

/// <summary>`sieve compress`: encode a file with a trained model into a .sieve archive.</summary>
internal static class CompressCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var model = new Option<string>("--model", "-m") { Description = "Model directory written by `sieve train`.", Required = true };
        var input = new Option<string>("--input", "-i") { Description = "File to compress, in the format the model was trained on.", Required = true };
        var format = CommonOptions.Format();
        var channel = CommonOptions.Channel();
        var latentType = new Option<string>("--latent-dtype") { Description = "How latents are stored: float32 (default, archive version 1) or float16 (half the latent bytes, archive version 2).", DefaultValueFactory = _ => "float32" };
        var output = new Option<string>("--out", "-o") { Description = "Archive to write (.sieve). Written to a temporary file and renamed, never half-written.", Required = true };
        var command = new Command("compress", "Compress a file into a self-describing .sieve archive: latents (float32), lossless side channels " +
                                              "(ids, labels, object kinds), the normaliser and the model's hash, with a SHA-256 checksum.")
        {
            model, input, format, channel, latentType, output,
        };
        command.SetAction(parse =>
        {
            CompressOutcome outcome = CompressWorkflow.Run(parse.GetValue(model)!, parse.GetValue(input)!, parse.GetValue(output)!, parse.GetValue(format),
                CommonOptions.ParseChannel(parse.GetValue(channel)), ParseLatentType(parse.GetValue(latentType)));
            Summaries.Compress(console, outcome);
            return 0;
        });
        return command;
    }

    private static LatentDType ParseLatentType(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        null or "" or "float32" => LatentDType.Float32,
        "float16" or "half" => LatentDType.Float16,
        _ => throw new ArgumentException($"--latent-dtype '{text}' is not float32 or float16."),
    };
}
