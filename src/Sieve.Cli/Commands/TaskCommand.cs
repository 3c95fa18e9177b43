using System.CommandLine;
using Sieve.Pipeline.Cluster;
using Spectre.Console;

namespace Sieve.Cli.Commands;

/// <summary>`sieve task`: run one task of a submitted run (what each array task of job.sbatch calls).</summary>
internal static class TaskCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var directory = new Argument<string>("run") { Description = "The run's folder (written by `sieve submit`)." };
        var index = new Option<int>("--index") { Description = "The task's array index ($SLURM_ARRAY_TASK_ID).", Required = true };
        var job = new Option<string?>("--job") { Description = "The submission it belongs to (default $SLURM_ARRAY_JOB_ID, else 'manual')." };
        var command = new Command("task", "Run one task of a submitted run: the exact commands of its entry in manifest.json, after checking the tool version and the inputs' SHA-256; " +
                                          "leaves done/INDEX.json with the outcome and the outputs' SHA-256. Run again, it writes the same outputs.")
        {
            directory, index, job,
        };
        command.SetAction(parse =>
        {
            string jobId = parse.GetValue(job) ?? Environment.GetEnvironmentVariable("SLURM_ARRAY_JOB_ID") ?? "manual";
            TaskMarker marker = TaskRunner.Run(parse.GetValue(directory)!, parse.GetValue(index), jobId, InProcessVerbs.Echoing(console));
            if (marker.Passed)
            {
                console.MarkupLine($"[green]task {marker.Index} passed[/]: {marker.Outputs.Count} outputs");
                return 0;
            }

            console.MarkupLine($"[red]task {marker.Index} failed:[/] {Markup.Escape(marker.Reason ?? "")}");
            return marker.ExitCode;
        });
        return command;
    }
}
