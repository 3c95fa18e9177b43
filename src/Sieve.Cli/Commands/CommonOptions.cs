using System.CommandLine;
using Sieve.Core.Tables;

namespace Sieve.Cli.Commands;

/// <summary>Options shared by the verbs that read inputs.</summary>
internal static class CommonOptions
{
    public static Option<InputFormat?> Format() => new("--format", "-f")
    {
        Description = "Input format: csv (numeric table with a header) or darkmachines (one event per line). Detected from the content when omitted.",
    };

    public static Option<string?> Columns() => new("--columns", "-c")
    {
        Description = "Comma-separated feature columns of a CSV table, e.g. m,pt,phi,eta. Other columns are kept losslessly. " +
                      "Default: every numeric column except ids, labels and weights.",
    };

    public static Option<EnergyUnit?> Units() => new("--units")
    {
        Description = "Energy unit of E/pt/m values in a CSV table: GeV (default) or MeV (the ATLAS jet tables). DarkMachines files are always MeV on disk.",
    };

    public static IReadOnlyList<string>? SplitColumns(string? columns) =>
        string.IsNullOrWhiteSpace(columns) ? null : columns.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
