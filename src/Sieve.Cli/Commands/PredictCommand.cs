using System.CommandLine;
using System.Globalization;
using Sieve.Pipeline;
using Spectre.Console;

namespace Sieve.Cli.Commands;

/// <summary>`sieve predict`: score new events with a classifier that `sieve classify` trained.</summary>
internal static class PredictCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var model = new Option<string>("--model", "-m") { Description = $"The classifier: DIR/{ClassifyWorkflow.ModelDirectory} of a `sieve classify --out DIR` run.", Required = true };
        var input = new Option<string>("--input", "-i") { Description = "Events or table to score, read with the classifier's features, unit, layout and missing-value marker.", Required = true };
        var format = CommonOptions.Format();
        var allowDrop = CommonOptions.AllowDrop();
        var output = new Option<string>("--out", "-o") { Description = "Scores file (CSV): event_id, process_id, score_classifier (signal probability), weight, multiplicity; `sieve roc --score classifier` reads it.", Required = true };
        var command = new Command("predict", "Score events with a trained `sieve classify` classifier: its training fills and normaliser, then the signal probability per event, written like `sieve score`'s scores.")
        {
            model, input, format, allowDrop, output,
        };
        command.SetAction(parse =>
        {
            int n = PredictWorkflow.Run(parse.GetValue(model)!, parse.GetValue(input)!, parse.GetValue(output)!, parse.GetValue(format), parse.GetValue(allowDrop));
            console.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture, $"scored {n} events (score_classifier) into {parse.GetValue(output)}")));
            return 0;
        });
        return command;
    }
}
