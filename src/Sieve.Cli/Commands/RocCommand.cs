using System.CommandLine;
using System.Globalization;
using Sieve.Pipeline;
using Sieve.Core.Metrics.AnomalyDetection;
using Spectre.Console;

namespace Sieve.Cli.Commands;

/// <summary>`sieve roc`: how well a score separates signals from background.</summary>
internal static class RocCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var background = new Option<string>("--background", "-b") { Description = "Scores file of held-out background events (from `sieve score`).", Required = true };
        var signal = new Option<string[]>("--signal", "-s") { Description = "Scores file of a signal sample; repeat for several signals.", Required = true, AllowMultipleArgumentsPerToken = false };
        var score = new Option<string>("--score") { Description = "Score to evaluate: recon (default), kl or rz.", DefaultValueFactory = _ => "recon" };
        var bootstrap = new Option<int>("--bootstrap") { Description = "Bootstrap replicates for the uncertainties of AUC and TPR (0 = none). Default 200.", DefaultValueFactory = _ => 200 };
        var ignoreWeights = new Option<bool>("--ignore-weights") { Description = "Count every event once instead of by its weight (as unweighted tools such as scikit-learn's roc_auc_score do by default)." };
        var clip = new Option<bool>("--clip-negative-weights") { Description = "Set negative event weights to 0 (those events take no part) instead of summing them with their sign, the default for NLO samples." };
        var history = new Option<string?>("--history") { Description = "The model's history.csv, to add the loss curves to the report." };
        var reference = new Option<string?>("--reference") { Description = "A `sieve classify` output directory: its classifier's test-split ROC is drawn beside the scores' as the supervised reference." };
        var output = new Option<string>("--out", "-o") { Description = "Report directory: report.json, darkmachines.csv, PNG plots and index.html.", Required = true };
        var command = new Command("roc", "Evaluate anomaly scores: per signal AUC with a bootstrap error, TPR at FPR 1e-2, 1e-3, 1e-4, 1e-5 (or 'not enough background'), " +
                                         "SIC, the background trigger rate at 40 MHz, the score's correlation with multiplicity; report.json, the DarkMachines table, plots and one HTML page. " +
                                         "Negative event weights (NLO) enter the sums with their sign, with a warning where an efficiency is not monotone.")
        {
            background, signal, score, bootstrap, ignoreWeights, clip, history, reference, output,
        };
        command.SetAction(parse =>
        {
            var request = new RocRequest(parse.GetValue(background)!, parse.GetValue(signal) ?? [], parse.GetValue(score)!, parse.GetValue(output)!,
                parse.GetValue(bootstrap), LossHistory: parse.GetValue(history), IgnoreWeights: parse.GetValue(ignoreWeights),
                ClipNegativeWeights: parse.GetValue(clip), Reference: parse.GetValue(reference));
            (AnomalyReport report, _) = RocWorkflow.Run(request);
            Print(console, report, request.OutputDirectory);
            return 0;
        });
        return command;
    }

    internal static void Print(IAnsiConsole console, AnomalyReport report, string dir)
    {
        var table = new Table().AddColumns("signal", "AUC", "TPR @ 1e-2", "TPR @ 1e-3", "TPR @ 1e-4", "TPR @ 1e-5", "corr. with mult.");
        foreach (SignalReport s in report.Signals)
        {
            string auc = s.Auc.ToString("F4", CultureInfo.InvariantCulture) + (s.AucBootstrap is { } b ? " ± " + b.Std.ToString("F4", CultureInfo.InvariantCulture) : string.Empty);
            string[] tprs = [.. s.WorkingPoints.Take(4).Select(w => w.Status == WorkingPointStatus.Ok && w.Tpr is { } t
                ? t.ToString("G3", CultureInfo.InvariantCulture) + (w.TprBootstrap is { } tb ? " ± " + tb.Std.ToString("G2", CultureInfo.InvariantCulture) : string.Empty)
                : "not enough bg")];
            table.AddRow([Markup.Escape(s.Name), auc, .. tprs, s.Correlation?.Overall.Pearson.ToString("F3", CultureInfo.InvariantCulture) ?? "-"]);
        }

        console.Write(table);
        if (report.Background.Correlation is { } c)
        {
            console.MarkupLine(string.Create(CultureInfo.InvariantCulture, $"background ({report.Background.Events} events): correlation of the score with multiplicity {c.Overall.Pearson:F3} (Pearson), {c.Overall.Spearman:F3} (Spearman)"));
        }

        foreach (string warning in report.Warnings)
        {
            console.MarkupLine($"[yellow]warning:[/] {Markup.Escape(warning)}");
        }

        console.MarkupLine($"report: [bold]{Markup.Escape(Path.Combine(dir, "index.html"))}[/], report.json, darkmachines.csv and plots");
    }
}
