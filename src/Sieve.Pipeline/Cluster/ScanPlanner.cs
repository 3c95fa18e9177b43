using System.Globalization;

namespace Sieve.Pipeline.Cluster;

/// <summary>Turns a scan into a run's manifest: one task per (value, seed), each one `sieve train` with its exact command; collect summarises them (<see cref="ScanReport"/>).</summary>
public static class ScanPlanner
{
    /// <summary>Plans the scan; does not save or start it.</summary>
    /// <exception cref="ArgumentException">Options the scan sets itself, fewer than one seed, or a folder that holds a run.</exception>
    public static ClusterManifest Plan(ScanRequest request, string? workingDirectory = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        string cwd = Path.GetFullPath(workingDirectory ?? Environment.CurrentDirectory);
        ClusterResources resources = request.Resources ?? new ClusterResources();
        resources.Validate();
        if (request.Seeds is < 1 or > 1000)
        {
            throw new ArgumentException($"--seeds {request.Seeds} is outside 1 to 1000.");
        }

        string option = "--" + request.Parameter;
        if (VerbArguments.Has(request.TrainArgs, "--input", "-i", "--out", "-o", "--seed", "--resume", option))
        {
            throw new ArgumentException($"leave --input, --out, --seed, --resume and {option} out of the train options: the scan sets them for each training.");
        }

        ClusterPaths paths = ClusterPaths.Of(Path.GetFullPath(request.Directory, cwd));
        if (File.Exists(paths.Manifest))
        {
            throw new ArgumentException($"{paths.Directory} already holds a run (manifest.json); give a new --out folder, or `sieve collect` that one.");
        }

        string input = Path.GetFullPath(request.Input, cwd);
        if (!File.Exists(input))
        {
            throw new FileNotFoundException($"--input {request.Input} does not exist.", input);
        }

        ClusterInput fingerprint = FileFingerprint.Of(input);
        paths.Create();
        IReadOnlyList<string> args = request.TrainArgs;
        if (!VerbArguments.Has(args, "--threads"))
        {
            args = [.. args, "--threads", resources.Cpus.ToString(CultureInfo.InvariantCulture)];
        }

        IReadOnlyList<string> executable = SieveExecutable.Resolve();
        var tasks = new List<ClusterTask>();
        foreach (int value in request.Values)
        {
            for (int k = 0; k < request.Seeds; k++)
            {
                int seed = ScanRequest.FirstSeed + k;
                string model = Path.Combine(paths.Parts, string.Create(CultureInfo.InvariantCulture, $"{request.Parameter}-{value}-seed-{seed}"));
                string[] stepArgs = ["train", .. args, "--input", input, option, value.ToString(CultureInfo.InvariantCulture),
                    "--seed", seed.ToString(CultureInfo.InvariantCulture), "--out", model];
                tasks.Add(new ClusterTask(tasks.Count, [new ClusterStep(0, stepArgs, ShellQuote.Line([.. executable, .. stepArgs]), model, value, seed)]));
            }
        }

        return new ClusterManifest
        {
            Tool = ToolInfo.Name,
            Executable = executable,
            WorkingDirectory = cwd,
            Verb = ClusterVerb.Train,
            VerbArgs = request.TrainArgs,
            ScanParameter = request.Parameter,
            Inputs = [fingerprint],
            Tasks = tasks,
            Resources = resources,
            MaxRetries = request.MaxRetries,
            Local = request.Local,
            Output = Path.Combine(paths.Directory, "scan.csv"),
            CreatedUtc = DateTimeOffset.UtcNow,
        };
    }
}
