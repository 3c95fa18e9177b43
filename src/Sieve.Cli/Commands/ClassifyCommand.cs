using System.CommandLine;
using System.Globalization;
using Sieve.Core.Metrics.AnomalyDetection;
using Sieve.Core.Metrics.Classification;
using Sieve.Core.Normalisation;
using Sieve.Models.Classifiers;
using Sieve.Pipeline;
using Spectre.Console;

namespace Sieve.Cli.Commands;

/// <summary>`sieve classify`: the supervised reference an anomaly score is read against.</summary>
internal static class ClassifyCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var background = new Option<string>("--background", "-b") { Description = "Labelled background input (any table or event format `sieve train` reads); its feature choice applies to the signal.", Required = true };
        var signal = new Option<string>("--signal", "-s") { Description = "Labelled signal input, read with the background's features.", Required = true };
        var format = CommonOptions.Format();
        var layout = CommonOptions.Layout();
        var allowDrop = CommonOptions.AllowDrop();
        var missing = CommonOptions.Missing();
        var columns = CommonOptions.Columns();
        var units = CommonOptions.Units();
        var normalisation = new Option<NormalisationKind?>("--normalisation") { Description = "jet (default), zscore, logzscore or none; fitted on the training split only." };
        var validation = new Option<double>("--validation-fraction") { Description = "Share of each class for early stopping and the working point. Default 0.2.", DefaultValueFactory = _ => 0.2 };
        var test = new Option<double>("--test-fraction") { Description = "Share of each class held out for the report, never seen in training. Default 0.2.", DefaultValueFactory = _ => 0.2 };
        var epochs = new Option<int>("--epochs", "-e") { Description = "Maximum epochs. Default 100.", DefaultValueFactory = _ => 100 };
        var batch = new Option<int>("--batch-size") { Description = "Rows per Adam step. Default 256.", DefaultValueFactory = _ => 256 };
        var lr = new Option<double>("--learning-rate") { Description = "Adam learning rate. Default 1e-3.", DefaultValueFactory = _ => 1e-3 };
        var patience = new Option<int>("--patience") { Description = "Early stopping: epochs without a better validation loss. 0 disables. Default 10.", DefaultValueFactory = _ => 10 };
        var seed = new Option<int>("--seed") { Description = "Seed of split, weights and shuffling. Default 42.", DefaultValueFactory = _ => 42 };
        var workingPoint = new Option<string?>("--working-point") { Description = "Cut of the confusion matrix, chosen on the validation split: youden (default: maximum of TPR - FPR), a probability threshold (0.5 or threshold=0.5), tpr=TARGET or fpr=TARGET." };
        var bootstrap = new Option<int>("--bootstrap") { Description = "Bootstrap replicates for the errors of AUC and TPR (0 = none). Default 200.", DefaultValueFactory = _ => 200 };
        var ignoreWeights = new Option<bool>("--ignore-weights") { Description = "Count every event once, in training and in the report." };
        var clip = new Option<bool>("--clip-negative-weights") { Description = "Set negative weights to 0 in the report too (training always does: a negative weight makes the loss unbounded)." };
        var output = new Option<string>("--out", "-o") { Description = "Report directory: classify.json, test-split scores files (for `sieve roc`), report.json, plots, index.html.", Required = true };
        var command = new Command("classify", "Train a dense classifier (F -> 64 -> 32 -> 1, ReLU, BCE with logits, Adam, early stopping, classes balanced by weight) on labelled background " +
                                              "and signal with a stratified seeded train/validation/test split, and report on the test split what `sieve roc` reports (AUC with bootstrap error, " +
                                              "TPR at fixed FPR, plots, HTML) plus a confusion matrix: the supervised reference for the anomaly scores.")
        {
            background, signal, format, layout, allowDrop, missing, columns, units, normalisation, validation, test, epochs, batch, lr, patience, seed, workingPoint, bootstrap, ignoreWeights, clip, output,
        };
        command.SetAction(parse =>
        {
            InputRequest Input(string path) => new(path, parse.GetValue(format), CommonOptions.SplitColumns(parse.GetValue(columns)), parse.GetValue(units), null,
                parse.GetValue(missing), CommonOptions.ParseLayout(parse.GetValue(layout)), parse.GetValue(allowDrop));
            var request = new ClassifyRequest(Input(parse.GetValue(background)!), Input(parse.GetValue(signal)!), parse.GetValue(output)!,
                parse.GetValue(normalisation) ?? NormalisationKind.Jet,
                new ClassifierTrainingOptions { Epochs = parse.GetValue(epochs), BatchSize = parse.GetValue(batch), LearningRate = parse.GetValue(lr), Patience = parse.GetValue(patience), Seed = parse.GetValue(seed) },
                parse.GetValue(validation), parse.GetValue(test), ClassifierWorkingPoint.Parse(parse.GetValue(workingPoint)), parse.GetValue(bootstrap),
                parse.GetValue(ignoreWeights), parse.GetValue(clip));
            (ClassifySummary summary, _, _) = ClassifyWorkflow.Run(request);
            Print(console, summary, request.OutputDirectory);
            return 0;
        });
        return command;
    }

    private static void Print(IAnsiConsole console, ClassifySummary s, string dir)
    {
        string F(double v, string f) => v.ToString(f, CultureInfo.InvariantCulture);
        console.MarkupLine($"classifier {s.Features.Count} -> {string.Join(" -> ", s.Hidden)} -> 1, best epoch {s.BestEpoch} of {s.EpochsRun}; " +
                           $"test split: {s.Split["background"][2]} background, {s.Split["signal"][2]} signal events");
        string auc = F(s.Auc, "F4") + (s.AucBootstrap is { } b ? " ± " + F(b.Std, "F4") : string.Empty);
        var table = new Table().AddColumns("AUC (test)", "TPR @ 1e-2", "TPR @ 1e-3");
        table.AddRow([auc, .. s.WorkingPoints.Take(2).Select(w => w.Status == WorkingPointStatus.Ok && w.Tpr is { } t ? F(t, "G3") : "not enough bg")]);
        console.Write(table);
        ConfusionMatrix c = s.Confusion;
        var matrix = new Table().AddColumns($"working point {Markup.Escape(s.WorkingPoint)}: score >= {F(c.Threshold, "G4")}", "called signal", "called background");
        matrix.AddRow("signal", F(c.TruePositive, "G6"), F(c.FalseNegative, "G6"));
        matrix.AddRow("background", F(c.FalsePositive, "G6"), F(c.TrueNegative, "G6"));
        console.Write(matrix);
        console.MarkupLine($"TPR {F(c.Tpr, "F3")}, FPR {F(c.Fpr, "F3")}, precision {F(c.Precision, "F3")} (weights: {s.Weighting})");
        console.MarkupLine($"report: [bold]{Markup.Escape(Path.Combine(dir, "index.html"))}[/], {ClassifyWorkflow.SummaryFile}; overlay on anomaly scores: " +
                           $"sieve roc ... --score classifier with {ClassifyWorkflow.BackgroundScores} and {ClassifyWorkflow.SignalScores}");
    }
}
