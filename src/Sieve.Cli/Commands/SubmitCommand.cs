using System.CommandLine;
using System.Globalization;
using Sieve.Pipeline.Cluster;
using Spectre.Console;

namespace Sieve.Cli.Commands;

/// <summary>`sieve submit`: run compress or score over many inputs as a Slurm job array (or on this machine with --local).</summary>
internal static class SubmitCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var verb = new Option<string>("--verb") { Description = "The verb each task runs: compress (--method quantize or float16) or score.", Required = true };
        var inputs = new Option<string>("--inputs") { Description = "A list file (one input path a line, # comments) or a glob such as 'data/*.csv' (quote it); sorted, in merge order.", Required = true };
        var output = new Option<string>("--out", "-o") { Description = "A new folder for the run: manifest.json, job.sbatch, logs/, parts/, done/, then merged.sieve or merged.csv.", Required = true };
        var filesPerTask = new Option<int>("--files-per-task") { Description = "Inputs per array task (default 1).", DefaultValueFactory = _ => 1 };
        var partition = new Option<string?>("--partition") { Description = "Slurm partition (default: the site's)." };
        var account = new Option<string?>("--account") { Description = "Slurm account to charge (default: the site's)." };
        var time = new Option<string?>("--time") { Description = "Wall time per task, HH:MM:SS (default: the partition's)." };
        var cpus = new Option<int>("--cpus") { Description = "Cores per task (default 1); compress tasks code chunks on as many threads.", DefaultValueFactory = _ => 1 };
        var memory = new Option<string?>("--mem") { Description = "Memory per task as Slurm writes it, e.g. 4G (default: the site's)." };
        var retries = new Option<int>("--max-retries") { Description = "How often `sieve collect` submits a failed task again (default 2).", DefaultValueFactory = _ => 2 };
        var local = new Option<bool>("--local") { Description = "Run the tasks here on all cores (no Slurm), from the same manifest; `sieve collect` then merges." };
        var verbArgs = new Argument<string[]>("verb-options") { Description = "The verb's options after --, without --input and --out, e.g. -- --method quantize --target-rms pt=0.3%,eta=0.003.", Arity = ArgumentArity.ZeroOrMore };
        var command = new Command("submit", "Run compress or score over many input files as a Slurm job array: writes a manifest (tool version, inputs with SHA-256, " +
                                            "the exact command of every task, expected outputs) and an sbatch script, submits it with `sbatch --parsable` and records the job id. " +
                                            "Compress with --method quantize fits the quantiser on the first input first, so that the shards concatenate. Then `sieve collect`.")
        {
            verb, inputs, output, filesPerTask, partition, account, time, cpus, memory, retries, local, verbArgs,
        };
        command.SetAction(parse =>
        {
            ClusterVerb chosen = parse.GetValue(verb)!.Trim().ToLowerInvariant() switch
            {
                "compress" => ClusterVerb.Compress,
                "score" => ClusterVerb.Score,
                string other => throw new ArgumentException($"--verb '{other}' is not compress or score."),
            };
            var request = new SubmitRequest(chosen, parse.GetValue(verbArgs) ?? [], parse.GetValue(inputs)!, parse.GetValue(output)!, parse.GetValue(filesPerTask),
                new ClusterResources(parse.GetValue(partition), parse.GetValue(account), parse.GetValue(time), parse.GetValue(cpus), parse.GetValue(memory)),
                parse.GetValue(retries), parse.GetValue(local));
            request.Validate();
            if (!request.Local && SlurmLauncher.Probe() is { Up: false } slurm)
            {
                throw new ArgumentException($"Slurm is not available here ({slurm.Reason}); run on a login node of the cluster, or give --local.");
            }

            ClusterManifest manifest = ClusterSubmission.Submit(request, InProcessVerbs.Echoing(console));
            string folder = Path.GetDirectoryName(manifest.Output)!;
            string where = manifest.Local ? "ran here" : $"submitted as job {manifest.Attempts[0].JobId}";
            console.MarkupLine(string.Create(CultureInfo.InvariantCulture,
                $"[green]{where}[/]: {manifest.Tasks.Count} tasks over {manifest.Inputs.Count} inputs; manifest [bold]{Markup.Escape(Path.Combine(folder, "manifest.json"))}[/]"));
            if (manifest.StepsFrom is { } steps)
            {
                console.MarkupLine($"every task uses the quantiser of {Markup.Escape(steps)}");
            }

            console.MarkupLine($"next: sieve collect {Markup.Escape(folder)}{(manifest.Local ? "" : " --wait")}");
            return 0;
        });
        return command;
    }
}
