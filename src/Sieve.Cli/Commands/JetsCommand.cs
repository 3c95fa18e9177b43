using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Sieve.Core.Serialization;
using Sieve.Pipeline.Images;
using Spectre.Console;

namespace Sieve.Cli.Commands;

/// <summary>`sieve jets`: cluster the particles of a generator file into jets and write them as a table.</summary>
internal static class JetsCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var input = new Option<string>("--input", "-i") { Description = "Generator file: FastJet text (.dat), HepMC3 (.hepmc3) or LHE (.lhe), optionally .gz. Visible final-state particles are clustered (neutrinos left out).", Required = true };
        var format = CommonOptions.Format();
        var algorithm = JetOptions.Algorithm();
        var radius = JetOptions.Radius();
        var ptMin = JetOptions.PtMin(5);
        var output = new Option<string>("--out", "-o") { Description = "CSV table to write, one row per jet: event, jet (0 = hardest), pt, eta, phi, rap, m, e, px, py, pz (GeV, phi in (-pi, pi]), constituents.", Required = true };
        var json = new Option<bool>("--json") { Description = "Print the summary as JSON." };
        var command = new Command("jets", "Cluster each event's particles into jets (anti-kt, kt or Cambridge/Aachen; exact O(N^2) clustering that agrees with FastJet) " +
                                          "and write the inclusive jets above --ptmin, highest pT first. See docs/images.md.")
        {
            input, format, algorithm, radius, ptMin, output, json,
        };
        command.SetAction(parse =>
        {
            var request = new JetsRequest(parse.GetValue(input)!,
                JetOptions.Parse(parse.GetValue(algorithm)!, parse.GetValue(radius), parse.GetValue(ptMin)), parse.GetValue(output)!, parse.GetValue(format));
            JetsSummary summary = JetsWorkflow.Run(request);
            if (parse.GetValue(json))
            {
                console.WriteLine(JsonSerializer.Serialize(summary, SieveJson.Options));
                return 0;
            }

            var table = new Table().AddColumns("events", "particles", "jets", "clustering", "particles/s");
            table.AddRow(Inv($"{summary.Events:N0}"), Inv($"{summary.Particles:N0}"), Inv($"{summary.Jets:N0}"),
                Inv($"{summary.ClusteringSeconds * 1000:F1} ms"), Inv($"{summary.ParticlesPerSecond:N0}"));
            console.Write(table);
            console.MarkupLine(Markup.Escape($"{summary.Definition}: wrote {summary.Output}"));
            return 0;
        });
        return command;
    }

    private static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
