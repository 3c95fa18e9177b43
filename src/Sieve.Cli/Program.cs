using Sieve.Cli.Commands;
using Spectre.Console;

return SieveApp.Run(args, AnsiConsole.Console);
