using System.Globalization;

namespace Sieve.Pipeline.Cluster;

/// <summary>
/// Turns a submit request into a manifest: expands and fingerprints the inputs, cuts them into
/// tasks, writes every step's exact command. For compress with --method quantize and targets, it
/// first fits the quantiser on the first input here (steps.sieve, 3 % headroom unless given) and
/// gives every task `--steps-from` it, so that all shards share one quantiser and concatenate.
/// </summary>
public static class ClusterPlanner
{
    // Options a task's command never repeats: the steps come from the shared archive instead.
    private static readonly string[] TargetOptions = ["--target-rms", "--max-error", "--quantiser", "--headroom"];

    /// <summary>Plans the run (and fits the shared quantiser with <paramref name="runVerb"/> where needed); does not save or submit.</summary>
    /// <exception cref="ArgumentException">Options that cannot run as shards, or the quantiser fit failed.</exception>
    public static ClusterManifest Plan(SubmitRequest request, VerbRunner runVerb, string? workingDirectory = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(runVerb);
        request.Validate();
        string cwd = Path.GetFullPath(workingDirectory ?? Environment.CurrentDirectory);
        ClusterResources resources = request.Resources ?? new ClusterResources();
        ClusterPaths paths = ClusterPaths.Of(Path.GetFullPath(request.Directory, cwd));
        IReadOnlyList<string> args = request.VerbArgs;
        if (VerbArguments.Has(args, "--input", "-i", "--out", "-o"))
        {
            throw new ArgumentException("leave --input and --out out of the verb's options: submit gives each task its inputs (--inputs) and outputs (under --out).");
        }

        if (File.Exists(paths.Manifest))
        {
            throw new ArgumentException($"{paths.Directory} already holds a run (manifest.json); give a new --out folder, or `sieve collect` that one.");
        }

        IReadOnlyList<string> inputs = InputList.Expand(request.Inputs, cwd);
        var fingerprints = inputs.Select(FileFingerprint.Of).ToList();
        paths.Create();

        string? stepsFrom = null;
        string extension;
        if (request.Verb == ClusterVerb.Compress)
        {
            extension = ".sieve";
            string method = (VerbArguments.Value(args, "--method") ?? "ae").Trim().ToLowerInvariant();
            if (method is not ("quantize" or "float16"))
            {
                throw new ArgumentException($"compress --method {method} writes archives that do not concatenate (version 4); give --method quantize or float16 to run it as shards.");
            }

            if (VerbArguments.Value(args, "--steps-from") is { } given)
            {
                stepsFrom = Path.GetFullPath(given, cwd);
                if (!File.Exists(stepsFrom))
                {
                    throw new FileNotFoundException($"--steps-from {given} does not exist.", stepsFrom);
                }

                args = [.. VerbArguments.Without(args, "--steps-from"), "--steps-from", stepsFrom];
            }
            else if (method == "quantize")
            {
                stepsFrom = FitSteps(args, fingerprints[0].Path, paths.Steps, runVerb);
                args = [.. VerbArguments.Without(args, TargetOptions), "--steps-from", stepsFrom];
            }

            if (!VerbArguments.Has(args, "--threads"))
            {
                args = [.. args, "--threads", resources.Cpus.ToString(CultureInfo.InvariantCulture)];
            }
        }
        else
        {
            extension = ".csv";
            if (VerbArguments.Value(args, "--model", "-m") is { } model)
            {
                args = [.. VerbArguments.Without(args, "--model", "-m"), "--model", Path.GetFullPath(model, cwd)];
            }
        }

        IReadOnlyList<string> executable = SieveExecutable.Resolve();
        string verb = request.Verb == ClusterVerb.Compress ? "compress" : "score";
        var tasks = new List<ClusterTask>();
        for (int start = 0, index = 0; start < fingerprints.Count; start += request.FilesPerTask, index++)
        {
            var steps = new List<ClusterStep>();
            for (int k = start; k < Math.Min(start + request.FilesPerTask, fingerprints.Count); k++)
            {
                string output = paths.Part(k, extension);
                string[] stepArgs = [verb, .. args, "--input", fingerprints[k].Path, "--out", output];
                steps.Add(new ClusterStep(k, stepArgs, ShellQuote.Line([.. executable, .. stepArgs]), output));
            }

            tasks.Add(new ClusterTask(index, steps));
        }

        return new ClusterManifest
        {
            Tool = ToolInfo.Name,
            Executable = executable,
            WorkingDirectory = cwd,
            Verb = request.Verb,
            VerbArgs = request.VerbArgs,
            StepsFrom = stepsFrom,
            StepsSha256 = stepsFrom is null ? null : FileFingerprint.Hash(stepsFrom).Sha256,
            Inputs = fingerprints,
            Tasks = tasks,
            Resources = resources,
            MaxRetries = request.MaxRetries,
            Local = request.Local,
            Output = Path.Combine(paths.Directory, "merged" + extension),
            CreatedUtc = DateTimeOffset.UtcNow,
        };
    }

    private static string FitSteps(IReadOnlyList<string> args, string firstInput, string steps, VerbRunner runVerb)
    {
        if (!VerbArguments.Has(args, "--target-rms", "--max-error"))
        {
            throw new ArgumentException("compress --method quantize as shards needs --target-rms or --max-error (the quantiser is fitted once, on the first input), or --steps-from an archive.");
        }

        string[] fit = ["compress", .. args, "--input", firstInput, "--out", steps];
        if (VerbArguments.Has(args, "--target-rms") && !VerbArguments.Has(args, "--headroom"))
        {
            // Room for the other shards, whose errors with these steps differ a little from the first's.
            fit = [.. fit, "--headroom", "3%"];
        }

        VerbResult result = runVerb(fit);
        if (result.ExitCode != 0)
        {
            throw new ArgumentException($"fitting the shared quantiser on {firstInput} failed: {result.Reason}");
        }

        return steps;
    }
}
