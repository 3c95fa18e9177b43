using Spectre.Console;

namespace Sieve.Cli.Terminal;

/// <summary>
/// The console `sieve` prints to. On a terminal it is Spectre's own (its width, colours, live
/// progress). Elsewhere (a pipe, a file, a CI log) Spectre would assume 80 columns and wrap tables
/// and lines there, breaking long column names into pieces that a script or a reader cannot
/// join back; so plain output gets a width no line of ours reaches, and stays unwrapped.
/// </summary>
public static class OutputConsole
{
    /// <summary>The width of plain output: wider than any table Sieve prints, short of what a Spectre rule could fill unreasonably.</summary>
    public const int PlainWidth = 4096;

    /// <summary>The console for standard output, as the process finds it.</summary>
    public static IAnsiConsole ForProcess() =>
        Console.IsOutputRedirected ? Plain(Console.Out) : AnsiConsole.Console;

    /// <summary>A console that writes plain text (no colours, no live displays) to <paramref name="writer"/>, unwrapped.</summary>
    public static IAnsiConsole Plain(TextWriter writer)
    {
        IAnsiConsole console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = PlainWidth;
        return console;
    }
}
