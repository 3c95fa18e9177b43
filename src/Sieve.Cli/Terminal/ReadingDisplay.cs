using System.Diagnostics;
using System.Globalization;
using Spectre.Console;

namespace Sieve.Cli.Terminal;

/// <summary>
/// Progress of reading an input file, by bytes: on a terminal a bar with rate and time left; on
/// anything else (a log, a pipe, a batch job) a plain line every few seconds once a read has taken
/// more than two, so short runs and machine-readable output stay clean.
/// </summary>
internal static class ReadingDisplay
{
    private static readonly TimeSpan Quiet = TimeSpan.FromSeconds(2), Every = TimeSpan.FromSeconds(5);

    /// <summary>Runs <paramref name="work"/>, which reports the bytes of <paramref name="path"/> read so far.</summary>
    public static T Run<T>(IAnsiConsole console, string path, Func<IProgress<long>, T> work, bool quiet = false)
    {
        string file = Sieve.Pipeline.InputLoader.FileOf(path);
        long total = File.Exists(file) ? Math.Max(1, new FileInfo(file).Length) : 1;
        return Run(console, Path.GetFileName(file), total, work, quiet);
    }

    /// <summary>Runs <paramref name="work"/>, which reports how many of <paramref name="total"/> bytes (of several files, say) it has read.</summary>
    public static T Run<T>(IAnsiConsole console, string what, long total, Func<IProgress<long>, T> work, bool quiet = false)
    {
        total = Math.Max(1, total);
        if (quiet)
        {
            return work(new SyncProgress<long>(_ => { }));
        }

        if (!console.Profile.Capabilities.Interactive)
        {
            var clock = Stopwatch.StartNew();
            TimeSpan next = Quiet;
            return work(new SyncProgress<long>(bytes =>
            {
                if (clock.Elapsed >= next && bytes < total)
                {
                    next = clock.Elapsed + Every;
                    double rate = bytes / clock.Elapsed.TotalSeconds;
                    console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"reading {what}: {100.0 * bytes / total:F0} % ({bytes / 1e6:F1} of {total / 1e6:F1} MB, {rate / 1e6:F1} MB/s, {(total - bytes) / Math.Max(rate, 1):F0} s left)"));
                }
            }));
        }

        T result = default!;
        console.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new TransferSpeedColumn(), new RemainingTimeColumn())
            .Start(ctx =>
            {
                ProgressTask task = ctx.AddTask(Markup.Escape("reading " + what), maxValue: total);
                result = work(new SyncProgress<long>(bytes => task.Value = Math.Min(bytes, total)));
                task.Value = total;
            });
        return result;
    }
}
