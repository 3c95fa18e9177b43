using Sieve.Cli.Terminal;
using Sieve.Pipeline.Cluster;
using Spectre.Console;

namespace Sieve.Cli.Commands;

/// <summary>Runs a `sieve` verb in this process for the cluster library (quantiser fits, task steps), echoing what it prints.</summary>
internal static class InProcessVerbs
{
    public static VerbRunner Echoing(IAnsiConsole console) => args =>
    {
        console.MarkupLine($"[grey]$ sieve {Markup.Escape(ShellQuote.Line(args))}[/]");
        var text = new StringWriter();
        int code = SieveApp.Run([.. args], OutputConsole.Plain(text), text, text);
        console.Write(new Text(text.ToString()));
        return new VerbResult(code, text.ToString());
    };
}
