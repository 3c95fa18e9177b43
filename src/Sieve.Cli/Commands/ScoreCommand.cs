using System.CommandLine;
using Sieve.Cli.Terminal;
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
        var output = new Option<string>("--out", "-o") { Description = "Scores file: .csv or .parquet. Columns: event_id, process_id, score_recon[, score_kl, score_rz], weight, multiplicity.", Required = true };
        var command = new Command("score", "Score every event with a trained autoencoder: reconstruction error over present cells (padded slots and missing values never count), " +
                                           "and for VAEs the KL term and R_z = sum mu^2/sigma^2 from the encoder alone. One row per event.")
        {
            model, input, format, channel, multiplicity, missing, allowDrop, output,
        };
        command.SetAction(parse =>
        {
            string path = parse.GetValue(output)!;
            (int events, IReadOnlyList<string> scores, Sieve.Core.Layouts.DroppedObjects? dropped) = ReadingDisplay.Run(console, parse.GetValue(input)!, bytes =>
                ScoreWorkflow.Run(parse.GetValue(model)!, parse.GetValue(input)!, path, parse.GetValue(format), CommonOptions.ParseChannel(parse.GetValue(channel)),
                    parse.GetValue(multiplicity), parse.GetValue(allowDrop), parse.GetValue(missing), bytes));
            console.MarkupLine($"[green]scored[/] {events} events ({Markup.Escape(string.Join(", ", scores))}) into [bold]{Markup.Escape(path)}[/]");
            Summaries.Dropped(console, dropped);
            return 0;
        });
        return command;
    }
}
