using Sieve.Cli.Commands;
using Sieve.Cli.Terminal;

return SieveApp.Run(args, OutputConsole.ForProcess());
