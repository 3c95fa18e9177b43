using System.CommandLine;
using Sieve.Cli.Terminal;
using Sieve.Cli.Workflows;
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
        var archive = new Option<string?>("--archive") { Description = "The archive, to report compression_ratio and bytes_per_row counting every byte of it." };
        var model = new Option<string?>("--model", "-m") { Description = "The model directory, to report its size beside the archive and after how many rows it pays for itself." };
        var output = new Option<string>("--out", "-o") { Description = "Report directory: report.json and one residual histogram (PNG) per variable.", Required = true };
        var command = new Command("evaluate", "Compare a reconstruction with the original: per variable the residual (phi wrapped into (-pi, pi]) and, for E, pT and m, " +
                                              "the relative residual, each with mean, RMS and IQR/1.349; plus bytes per row when given the archive.")
        {
            original, reconstructed, columns, units, format, missing, archive, model, output,
        };
        command.SetAction(parse =>
        {
            string dir = parse.GetValue(output)!;
            var request = new EvaluateRequest(parse.GetValue(original)!, parse.GetValue(reconstructed)!, dir, CommonOptions.SplitColumns(parse.GetValue(columns)),
                parse.GetValue(units), parse.GetValue(format), parse.GetValue(archive), parse.GetValue(model), Missing: parse.GetValue(missing));
            var (report, _) = EvaluateWorkflow.Run(request);
            Summaries.Fidelity(console, report, dir);
            return 0;
        });
        return command;
    }
}
