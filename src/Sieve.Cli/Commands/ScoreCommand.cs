using System.CommandLine;
using Sieve.Cli.Terminal;
using Sieve.Models.Scoring;
using Sieve.Pipeline;
using Spectre.Console;

namespace Sieve.Cli.Commands;

/// <summary>`sieve score`: anomaly scores per event with a trained model.</summary>
internal static class ScoreCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var model = new Option<string>("--model", "-m") { Description = "Model directory written by `sieve train` (train on background only).", Required = true };
        var input = new Option<string>("--input", "-i") { Description = "Events or table to score, in the model's format.", Required = true };
        var format = CommonOptions.Format();
        var channel = CommonOptions.Channel();
        var multiplicity = new Option<string?>("--multiplicity-column") { Description = "Column giving the object multiplicity (default: a *jet_num* column, else present slots or features)." };
        var allowDrop = CommonOptions.AllowDrop();
        var missing = CommonOptions.Missing();
        var engine = new Option<ScoreEngine>("--engine")
        {
            Description = "What runs the model: auto (the native vectorised kernels for dense models, libtorch otherwise), native, torch (the reference), " +
                          "or fixed-point (the types `sieve quantize-model` stored with the model, emulated bit for bit: score_recon and, for a VAE, score_rz).",
            DefaultValueFactory = _ => ScoreEngine.Auto,
            // Names as written in the help: auto, native, torch, fixed-point (the hyphen optional).
            CustomParser = result =>
            {
                string text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "auto";
                if (Enum.TryParse(text.Replace("-", string.Empty, StringComparison.Ordinal), ignoreCase: true, out ScoreEngine parsed) && Enum.IsDefined(parsed))
                {
                    return parsed;
                }

                result.AddError($"--engine {text}: expected auto, native, torch or fixed-point.");
                return ScoreEngine.Auto;
            },
        };
        var threads = new Option<int?>("--threads") { Description = "Threads of the native kernels; 0 = one per core (default). The scores are the same with any number." };
        var output = new Option<string>("--out", "-o") { Description = "Scores file: .csv or .parquet. Columns: event_id, process_id, score_recon[, score_kl, score_rz], weight, multiplicity.", Required = true };
        var command = new Command("score", "Score every event with a trained autoencoder: reconstruction error over present cells (padded slots and missing values never count), " +
                                           "and for VAEs the KL term and R_z = sum mu^2/sigma^2 from the encoder alone. One row per event.")
        {
            model, input, format, channel, multiplicity, missing, allowDrop, engine, threads, output,
        };
        command.SetAction(parse =>
        {
            string path = parse.GetValue(output)!;
            ScoreOutcome outcome = ReadingDisplay.Run(console, parse.GetValue(input)!, bytes =>
                ScoreWorkflow.Run(parse.GetValue(model)!, parse.GetValue(input)!, path, parse.GetValue(format), CommonOptions.ParseChannel(parse.GetValue(channel)),
                    parse.GetValue(multiplicity), parse.GetValue(allowDrop), parse.GetValue(missing), bytes,
                    engine: parse.GetValue(engine), threads: parse.GetValue(threads) is > 0 and var t ? t : null));
            string by = outcome.Engine switch
            {
                ScoreEngine.Native => "native kernels",
                ScoreEngine.FixedPoint => "fixed-point emulation",
                _ => "libtorch",
            };
            console.MarkupLine($"[green]scored[/] {outcome.Events} events ({Markup.Escape(string.Join(", ", outcome.Scores))}, by {by}) into [bold]{Markup.Escape(path)}[/]");
            Summaries.Dropped(console, outcome.Dropped);
            return 0;
        });
        return command;
    }
}
