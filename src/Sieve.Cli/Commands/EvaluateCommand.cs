using System.CommandLine;
using Sieve.Cli.Terminal;
using Sieve.Pipeline;
using Spectre.Console;

namespace Sieve.Cli.Commands;

/// <summary>`sieve evaluate`: fidelity of a reconstruction, per variable, with plots and byte accounting.</summary>
internal static class EvaluateCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var original = new Option<string>("--original") { Description = "The original file.", Required = true };
        var reconstructed = new Option<string>("--reconstructed") { Description = "The decompressed file (same format and columns).", Required = true };
        var columns = CommonOptions.Columns();
        var units = CommonOptions.Units();
        var format = CommonOptions.Format();
        var missing = CommonOptions.Missing();
        var maxError = new Option<string?>("--max-error") { Description = "Verify error bounds, e.g. pt=1%,m=1%,eta=0.005,phi=0.005 (a value ending in % is relative); exit code 1 when any value breaks one." };
        var archive = new Option<string?>("--archive") { Description = "The archive, to report compression_ratio and bytes_per_row counting every byte of it." };
        var model = new Option<string?>("--model", "-m") { Description = "The model directory, to report its size beside the archive and after how many rows it pays for itself." };
        var kinds = CommonOptions.Kinds();
        var output = new Option<string>("--out", "-o") { Description = "Report directory: report.json and one residual histogram (PNG) per variable.", Required = true };
        var command = new Command("evaluate", "Compare a reconstruction with the original: per variable the residual (phi wrapped into (-pi, pi]) and, for E, pT and m, " +
                                              "the relative residual, each with mean, RMS and IQR/1.349; plus bytes per row when given the archive.")
        {
            original, reconstructed, columns, units, format, missing, maxError, kinds, archive, model, output,
        };
        command.SetAction(parse =>
        {
            string dir = parse.GetValue(output)!;
            var request = new EvaluateRequest(parse.GetValue(original)!, parse.GetValue(reconstructed)!, dir, CommonOptions.SplitColumns(parse.GetValue(columns)),
                parse.GetValue(units), parse.GetValue(format), parse.GetValue(archive), parse.GetValue(model), Missing: parse.GetValue(missing),
                MaxError: CommonOptions.ParseAssignmentsText(parse.GetValue(maxError), "--max-error"), Kinds: Sieve.Core.Metrics.VariableKinds.Parse(parse.GetValue(kinds)));
            var (report, _) = ReadingDisplay.Run(console, request.Original, bytes => EvaluateWorkflow.Run(request with { BytesRead = bytes }));
            Summaries.Fidelity(console, report, dir);
            foreach (var kind in report.PerKind?.Where(k => k.Unmatched > 0) ?? [])
            {
                console.MarkupLine(System.FormattableString.Invariant($"[yellow]unmatched[/] {kind.Unmatched} {Markup.Escape(kind.Kind)} objects present in only one file (not in the residuals; dropped by a slot layout?)"));
            }

            foreach (var check in report.BoundChecks ?? [])
            {
                string bound = check.Relative ? $"{check.Bound * 100:G4} %" : $"{check.Bound:G4}";
                string found = check.Relative ? $"{check.MaxError * 100:G4} %" : $"{check.MaxError:G4}";
                console.MarkupLine(System.FormattableString.Invariant($"{(check.Passed ? "[green]ok[/]" : "[red]BROKEN[/]")} {Markup.Escape(check.Variable)}: max error {found}, bound {bound}"));
            }

            return report.BoundChecks?.All(c => c.Passed) == false ? SieveApp.InputError : 0;
        });
        return command;
    }
}
