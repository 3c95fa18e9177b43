using System.Globalization;
using Sieve.Models.Training;
using Spectre.Console;

namespace Sieve.Cli.Terminal;

/// <summary>Shows training progress: a live bar on a terminal, one line per epoch otherwise (logs, CI).</summary>
internal static class TrainingDisplay
{
    public static T Run<T>(IAnsiConsole console, int epochs, Func<IProgress<EpochReport>, T> work)
    {
        if (!console.Profile.Capabilities.Interactive)
        {
            return work(new SyncProgress<EpochReport>(r => console.WriteLine(Line(r))));
        }

        T result = default!;
        console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .Start(ctx =>
            {
                ProgressTask task = ctx.AddTask("training", maxValue: epochs);
                result = work(new SyncProgress<EpochReport>(r =>
                {
                    task.Description = Markup.Escape(Line(r));
                    task.Value = r.Epoch;
                }));
                task.Value = task.MaxValue;
            });
        return result;
    }

    private static string Line(EpochReport r) => string.Create(CultureInfo.InvariantCulture,
        $"epoch {r.Epoch}/{r.Epochs}  train {r.TrainLoss:E3}  val {r.ValidationLoss:E3}  lr {r.LearningRate:G3}{(r.IsBest ? "  *" : string.Empty)}");
}
