using Sieve.Cli.Commands;
using Spectre.Console;

namespace Sieve.Cli.Tests;

/// <summary>Runs `sieve` in process and captures what it prints.</summary>
internal static class CliRunner
{
    public static (int ExitCode, string Output) Run(params string[] args)
    {
        var text = new StringWriter();
        IAnsiConsole console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(text),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = 200;
        int code = SieveApp.Run(args, console, text, text);
        return (code, text.ToString());
    }

    /// <summary>Runs `sieve` on the console the process gets when its output is not a terminal (a pipe, a log).</summary>
    public static (int ExitCode, string Output) RunPiped(params string[] args)
    {
        var text = new StringWriter();
        int code = SieveApp.Run(args, Sieve.Cli.Terminal.OutputConsole.Plain(text), text, text);
        return (code, text.ToString());
    }
}
