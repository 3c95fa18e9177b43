using System.CommandLine;
using Sieve.Compression.Archive;
using Sieve.Core.Errors;
using Sieve.Core.Normalisation;
using Spectre.Console;

namespace Sieve.Cli.Commands;

/// <summary>
/// The `sieve` command tree. The only place that writes to the console and sets exit codes:
/// 0 success, 1 bad input or usage, 70 an internal error (with the stack trace).
/// </summary>
public static class SieveApp
{
    /// <summary>Exit code for bad input, corrupt files and wrong usage.</summary>
    public const int InputError = 1;

    /// <summary>Exit code for a bug in Sieve.</summary>
    public const int InternalError = 70;

    /// <summary>Builds the command tree writing to <paramref name="console"/>.</summary>
    public static RootCommand Build(IAnsiConsole console)
    {
        var root = new RootCommand(
            "Sieve: compress collider data with autoencoders and find anomalous events.\n" +
            "Start with `sieve demo`, then `sieve train`, `sieve compress`, `sieve decompress`, `sieve evaluate`.");
        root.Subcommands.Add(TrainCommand.Create(console));
        root.Subcommands.Add(CompressCommand.Create(console));
        root.Subcommands.Add(DecompressCommand.Create(console));
        root.Subcommands.Add(EvaluateCommand.Create(console));
        root.Subcommands.Add(InspectCommand.Create(console));
        root.Subcommands.Add(ConcatCommand.Create(console));
        root.Subcommands.Add(InfoCommand.Create(console));
        root.Subcommands.Add(ScoreCommand.Create(console));
        root.Subcommands.Add(RocCommand.Create(console));
        root.Subcommands.Add(QuantizeModelCommand.Create(console));
        root.Subcommands.Add(DemoCommand.Create(console));
        root.Subcommands.Add(BenchCommand.Create(console));
        root.Subcommands.Add(ExportCommand.Create(console));
        root.Subcommands.Add(SubmitCommand.Create(console));
        root.Subcommands.Add(CollectCommand.Create(console));
        root.Subcommands.Add(TaskCommand.Create(console));
        root.Subcommands.Add(ScanCommand.Create(console));
        root.Subcommands.Add(ReconstructCommand.Create(console));
        root.Subcommands.Add(JetsCommand.Create(console));
        root.Subcommands.Add(ImagesCommand.Create(console));
        root.Subcommands.Add(ClassifyCommand.Create(console));
        root.Subcommands.Add(PredictCommand.Create(console));
        root.Subcommands.Add(GenerateCommand.Create(console));
        root.Subcommands.Add(CompareCommand.Create(console));
        return root;
    }

    /// <summary>Parses and runs; maps failures to a one-line error and an exit code.</summary>
    public static int Run(string[] args, IAnsiConsole console, TextWriter? output = null, TextWriter? error = null)
    {
        ArgumentNullException.ThrowIfNull(console);
        RootCommand root = Build(console);
        var configuration = new InvocationConfiguration { EnableDefaultExceptionHandler = false };
        if (output is not null)
        {
            configuration.Output = output;
        }

        if (error is not null)
        {
            configuration.Error = error;
        }

        try
        {
            return root.Parse(args).Invoke(configuration);
        }
        catch (Exception e) when (IsInputError(e))
        {
            console.MarkupLine($"[red]error:[/] {Markup.Escape(e.Message)}");
            return InputError;
        }
        catch (Exception e)
        {
            console.MarkupLine("[red]internal error[/] (please report it with the command line that caused it):");
            console.WriteException(e);
            return InternalError;
        }
    }

    private static bool IsInputError(Exception e) => e is SieveDataException or ArchiveFormatException or NormalisationException
        or ArgumentException or InvalidDataException or FileNotFoundException or DirectoryNotFoundException or UnauthorizedAccessException
        or Sieve.Models.Training.TrainingDivergedException or IOException;
}
