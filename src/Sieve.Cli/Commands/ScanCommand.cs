using System.CommandLine;
using System.Globalization;
using Sieve.Cli.Terminal;
using Sieve.Pipeline.Cluster;
using Spectre.Console;

namespace Sieve.Cli.Commands;

/// <summary>`sieve scan`: one training per grid value and seed, through the cluster machinery (here or on Slurm); table and plot of validation loss.</summary>
internal static class ScanCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var grid = new Option<string>("--grid") { Description = $"The train option to vary and its values, e.g. latent=2,3,4 ({string.Join(", ", ScanRequest.Parameters)}).", Required = true };
        var seeds = new Option<int>("--seeds") { Description = $"Trainings per value, with seeds {ScanRequest.FirstSeed}, {ScanRequest.FirstSeed + 1}, ... (default 1).", DefaultValueFactory = _ => 1 };
        var input = new Option<string>("--input", "-i") { Description = "Training file.", Required = true };
        var output = new Option<string>("--out", "-o") { Description = "A new folder for the run: manifest, script, logs, one model per training (parts/), then scan.csv, scan.json, scan.png.", Required = true };
        var local = new Option<bool>("--local") { Description = "Train here, on all cores (the default)." };
        var slurm = new Option<bool>("--slurm") { Description = "Submit the trainings as a Slurm job array; then `sieve collect` makes the table and plot." };
        var partition = new Option<string?>("--partition") { Description = "Slurm partition." };
        var account = new Option<string?>("--account") { Description = "Slurm account." };
        var time = new Option<string?>("--time") { Description = "Wall time per training, HH:MM:SS." };
        var cpus = new Option<int>("--cpus") { Description = "Cores per training (train --threads; default 1).", DefaultValueFactory = _ => 1 };
        var memory = new Option<string?>("--mem") { Description = "Memory per training, e.g. 4G." };
        var retries = new Option<int>("--max-retries") { Description = "How often collect trains a failed point again (default 1).", DefaultValueFactory = _ => 1 };
        var trainArgs = new Argument<string[]>("train-options") { Description = "Further train options after --, e.g. -- --columns m,pt,phi,eta --epochs 20.", Arity = ArgumentArity.ZeroOrMore };
        var command = new Command("scan", "Train once per value of a grid (and per seed) through the same manifest and job-array machinery as `sieve submit`, then tabulate and plot " +
                                          "the best validation loss against the value with its spread over seeds, and pick the smallest value within one standard error of the lowest mean.")
        {
            grid, seeds, input, output, local, slurm, partition, account, time, cpus, memory, retries, trainArgs,
        };
        command.SetAction(parse =>
        {
            if (parse.GetValue(local) && parse.GetValue(slurm))
            {
                throw new ArgumentException("give --local or --slurm, not both.");
            }

            bool onSlurm = parse.GetValue(slurm);
            (string parameter, int[] values) = ScanRequest.ParseGrid(parse.GetValue(grid)!);
            var request = new ScanRequest(parameter, values, parse.GetValue(seeds), parse.GetValue(input)!, parse.GetValue(output)!, parse.GetValue(trainArgs) ?? [],
                new ClusterResources(parse.GetValue(partition), parse.GetValue(account), parse.GetValue(time), parse.GetValue(cpus), parse.GetValue(memory)),
                parse.GetValue(retries), Local: !onSlurm);
            if (onSlurm && SlurmLauncher.Probe() is { Up: false } down)
            {
                throw new ArgumentException($"Slurm is not available here ({down.Reason}); run on a login node of the cluster, or use --local.");
            }

            ClusterManifest manifest = ClusterSubmission.Start(ScanPlanner.Plan(request), onSlurm ? new SlurmLauncher() : new LocalLauncher());
            string folder = Path.GetDirectoryName(manifest.Output)!;
            if (onSlurm)
            {
                console.MarkupLine(string.Create(CultureInfo.InvariantCulture,
                    $"[green]submitted as job {manifest.Attempts[0].JobId}[/]: {manifest.Tasks.Count} trainings; next: sieve collect {Markup.Escape(folder)} --wait"));
                return 0;
            }

            CollectSummary summary = ClusterCollector.Collect(folder);
            return CollectCommand.Report(console, summary);
        });
        return command;
    }
}
