using System.CommandLine;
using System.Globalization;
using Sieve.Cli.Terminal;
using Sieve.Pipeline.Cluster;
using Spectre.Console;

namespace Sieve.Cli.Commands;

/// <summary>`sieve collect`: check a run's tasks, retry failed ones, merge the outputs.</summary>
internal static class CollectCommand
{
    /// <summary>Exit code when tasks are still queued or running (or were resubmitted) and collect did not wait for them.</summary>
    public const int NotFinished = 3;

    public static Command Create(IAnsiConsole console)
    {
        var directory = new Argument<string>("run") { Description = "The run's folder (written by `sieve submit`)." };
        var wait = new Option<bool>("--wait") { Description = "Wait until no task is queued or running (polling squeue), retrying failed tasks, then merge." };
        var timeout = new Option<string?>("--timeout") { Description = "With --wait: stop waiting after this long (seconds, or HH:MM:SS); default no limit." };
        var poll = new Option<double>("--poll") { Description = "With --wait: seconds between looks at the queue (default 5).", DefaultValueFactory = _ => 5 };
        var json = new Option<bool>("--json") { Description = "Print the summary as JSON (also written to summary.json)." };
        var command = new Command("collect", "Check every task of a run (done marker, outputs verified: archives against their checksums, scores against the input's rows), " +
                                             "submit failed tasks again up to --max-retries, and once all passed merge them in input order into merged.sieve (chunks concatenated) " +
                                             "or merged.csv, atomically. Exit 0 merged, 1 a task failed (nothing merged), 3 not finished yet.")
        {
            directory, wait, timeout, poll, json,
        };
        command.SetAction(parse =>
        {
            TimeSpan? limit = ParseTimeout(parse.GetValue(timeout));
            double every = parse.GetValue(poll);
            if (every is not (> 0 and <= 3600))
            {
                throw new ArgumentException($"--poll {every} is outside (0, 3600] seconds.");
            }

            CollectSummary summary = ClusterCollector.Collect(parse.GetValue(directory)!, wait: parse.GetValue(wait), timeout: limit, poll: TimeSpan.FromSeconds(every));
            if (parse.GetValue(json))
            {
                console.Profile.Out.Writer.WriteLine(summary.ToJson());
                return ExitCode(summary);
            }

            return Report(console, summary);
        });
        return command;
    }

    /// <summary>Prints the summary (and a scan's table); returns the exit code it stands for.</summary>
    public static int Report(IAnsiConsole console, CollectSummary summary)
    {
        Print(console, summary);
        if (summary is { State: CollectState.Merged, Verb: ClusterVerb.Train, Output: { } table })
        {
            ScanDisplay.Show(console, ScanReport.Read(table), summary.Directory);
        }

        return ExitCode(summary);
    }

    private static int ExitCode(CollectSummary summary) => summary.State switch
    {
        CollectState.Merged => 0,
        CollectState.Failed => SieveApp.InputError,
        _ => NotFinished,
    };

    private static void Print(IAnsiConsole console, CollectSummary summary)
    {
        foreach (TaskReport failed in summary.Tasks.Where(t => t.State == TaskState.Failed))
        {
            console.MarkupLine(string.Create(CultureInfo.InvariantCulture,
                $"[red]task {failed.Index} failed[/] after {failed.Attempts} attempt(s): {Markup.Escape(failed.Reason ?? "")}; log {Markup.Escape(failed.Log ?? "none")}"));
        }

        string counts = string.Create(CultureInfo.InvariantCulture, $"{summary.Passed} passed, {summary.Failed} failed, {summary.Running} running of {summary.Tasks.Count} tasks");
        string text = summary.State switch
        {
            CollectState.Merged when summary.Verb == ClusterVerb.Train => $"[green]summarised[/] {summary.Tasks.Count} trainings into [bold]{Markup.Escape(summary.Output!)}[/]",
            CollectState.Merged => string.Create(CultureInfo.InvariantCulture,
                $"[green]merged[/] {summary.Tasks.Count} tasks, {summary.Rows} rows, into [bold]{Markup.Escape(summary.Output!)}[/] ({summary.OutputBytes} bytes, sha256 {summary.OutputSha256})"),
            CollectState.Failed => $"[red]not merged[/]: {counts}",
            CollectState.Resubmitted => $"[yellow]resubmitted failed tasks[/]: {counts}; run collect again (or with --wait)",
            _ => $"[yellow]not finished[/]: {counts}",
        };
        console.MarkupLine(text);
    }

    private static TimeSpan? ParseTimeout(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double seconds) && seconds > 0)
        {
            return TimeSpan.FromSeconds(seconds);
        }

        return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out TimeSpan span) && span > TimeSpan.Zero
            ? span
            : throw new ArgumentException($"--timeout '{text}' is not a number of seconds or HH:MM:SS.");
    }
}
