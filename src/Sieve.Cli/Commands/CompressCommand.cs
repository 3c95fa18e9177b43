using System.CommandLine;
using Sieve.Cli.Terminal;
using Sieve.Pipeline;
using Sieve.Compression.Archive;
using Spectre.Console;

namespace Sieve.Cli.Commands;

/// <summary>`sieve compress`: encode a file with a trained model into a .sieve archive.</summary>
internal static class CompressCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var model = new Option<string?>("--model", "-m") { Description = "Model directory written by `sieve train` (method ae)." };
        var method = new Option<string>("--method")
        {
            Description = "ae (default): the model's latents; quantize: no network, every feature quantised to its --target-rms (or --max-error) and " +
                          "entropy-coded with predictions and contexts (archive version 4); float16: no network, features as half floats (energies in GeV; a baseline, version 2).",
            DefaultValueFactory = _ => "ae",
        };
        var quantiser = new Option<string>("--quantiser")
        {
            Description = "With --target-rms: trellis (default: same RMS for ~0.15 bit less per value) or uniform (plain rounding; what --max-error uses).",
        };
        var targets = new Option<string?>("--target-rms")
        {
            Description = "RMS error per feature; a value ending in % is relative (E, pt, m), e.g. pt=0.3%,m=0.3%,eta=0.003,phi=0.003. " +
                          "Method quantize: the quantiser's target; method ae: quantised corrections on top of the decoder's output meet it (archive version 4). " +
                          "With slot layouts a variable's target applies to every slot (pt to j0_pt, e1_pt, ... and MET; phi to METphi); padded slots are not counted. " +
                          "Patterns with * give defaults ('*=0.5%,*Energy=1%'); names win over patterns, the longest pattern over shorter ones; " +
                          "0 keeps a table column losslessly (method quantize). The output says which target each feature got.",
        };
        var maxErrors = new Option<string?>("--max-error")
        {
            Description = "A bound every decompressed value meets, per feature; a value ending in % is relative (for m above 1 GeV, pt above 0), " +
                          "e.g. pt=1%,m=1%,eta=0.005,phi=0.005; patterns and 0 as for --target-rms. Method ae: corrections where the decoder misses.",
        };
        var columns = CommonOptions.Columns();
        var units = CommonOptions.Units();
        var input = new Option<string>("--input", "-i") { Description = "File to compress, in the format the model was trained on.", Required = true };
        var format = CommonOptions.Format();
        var channel = CommonOptions.Channel();
        var missing = CommonOptions.Missing();
        var allowDrop = CommonOptions.AllowDrop();
        var kinds = CommonOptions.Kinds();
        var threads = new Option<int?>("--threads") { Description = "Methods quantize and float16: threads that code chunks of the input (and search steps, one feature each); 0 = one per core (default). The archive is the same with any number." };
        var latentStep = new Option<string?>("--latent-step")
        {
            Description = "Method ae: quantise the latents to integers (archive version 4): one step for all dimensions, one per dimension (comma-separated), " +
                          "or auto (with --target-rms or --max-error): the step, from a ladder of fractions of each latent's spread, that makes latents plus corrections smallest. " +
                          "Default with --target-rms or --max-error: auto, unless --latent-dtype is given (then float latents under the corrections).",
        };
        var dropColumns = new Option<string?>("--drop-columns")
        {
            Description = "Methods quantize and float16: non-feature columns of a table to leave out of the archive, comma-separated (e.g. orig_index, a row " +
                          "number the analysis does not need); decompression does not write them back. Default: every column is kept.",
        };
        var embedModel = new Option<bool>("--embed-model")
        {
            Description = "Method ae: put the model's files (manifest and weights) in the archive (version 4): it then decompresses without the model " +
                          "directory, and its size counts the model. Default: the model is referenced by its hash and its size reported beside.",
        };
        var latentType = new Option<string>("--latent-dtype") { Description = "How latents are stored: float32 (default, archive version 1) or float16 (half the latent bytes, archive version 2).", DefaultValueFactory = _ => "float32" };
        var stepsFrom = new Option<string?>("--steps-from") { Description = "Method quantize: use the quantiser (steps, targets, trellis or uniform) of this archive instead of fitting one, so that shards of one dataset share it and join with `sieve concat`. A target the steps miss on this input is an error." };
        var headroom = new Option<string?>("--headroom") { Description = "Method quantize with --target-rms: fit the steps this far below every target, e.g. 2% (default 0; 1% on its first chunk for an input of several). Room for shards compressed later with --steps-from this archive." };
        var output = new Option<string>("--out", "-o") { Description = "Archive to write (.sieve). Written to a temporary file and renamed, never half-written.", Required = true };
        var command = new Command("compress", "Compress a file into a self-describing .sieve archive: latents (float32), lossless side channels " +
                                              "(ids, labels, object kinds), the normaliser and the model's hash, with a SHA-256 checksum.")
        {
            model, method, targets, maxErrors, quantiser, input, format, columns, units, channel, missing, allowDrop, kinds, threads, stepsFrom, headroom, latentType, latentStep, embedModel, dropColumns, output,
        };
        command.SetAction(parse =>
        {
            CompressOutcome outcome;
            string chosen = parse.GetValue(method)!.Trim().ToLowerInvariant();
            Dictionary<string, string>? rms = CommonOptions.ParseAssignmentsText(parse.GetValue(targets), "--target-rms");
            Dictionary<string, string>? bounds = CommonOptions.ParseAssignmentsText(parse.GetValue(maxErrors), "--max-error");
            Sieve.Core.Metrics.VariableKinds declared = Sieve.Core.Metrics.VariableKinds.Parse(parse.GetValue(kinds));
            CorrectionRequest? errors = (rms ?? bounds) is { } given
                ? new CorrectionRequest(given, bounds is not null, ParseQuantiser(parse.GetValue(quantiser), bounds is not null), declared)
                : null;
            IReadOnlyList<string>? drop = CommonOptions.SplitColumns(parse.GetValue(dropColumns));
            var request = new InputRequest(parse.GetValue(input)!, parse.GetValue(format), CommonOptions.SplitColumns(parse.GetValue(columns)), parse.GetValue(units),
                Missing: parse.GetValue(missing), AllowDrop: parse.GetValue(allowDrop));
            if (chosen == "quantize" && parse.GetValue(stepsFrom) is { } shared)
            {
                if (rms is not null || bounds is not null || parse.GetValue(quantiser) is not null)
                {
                    throw new ArgumentException("--steps-from takes the targets and the quantiser from the archive; leave out --target-rms, --max-error and --quantiser.");
                }

                (Sieve.Core.Normalisation.FeatureNormaliser steps, Dictionary<string, string> sharedTargets, bool sharedMaxError, Quantiser sharedKind) = QuantizeWorkflow.StepsFrom(shared);
                outcome = ReadingDisplay.Run(console, request.Path, bytes =>
                    QuantizeWorkflow.Run(request with { BytesRead = bytes }, sharedTargets, parse.GetValue(output)!, sharedMaxError, sharedKind, drop, declared,
                        parse.GetValue(threads) ?? 0, steps: steps));
            }
            else if (chosen == "quantize")
            {
                if ((rms is null) == (bounds is null))
                {
                    throw new ArgumentException("--method quantize needs either --target-rms or --max-error, e.g. pt=0.3%,m=0.3%,eta=0.003,phi=0.003.");
                }

                outcome = ReadingDisplay.Run(console, request.Path, bytes =>
                    QuantizeWorkflow.Run(request with { BytesRead = bytes }, errors!.Targets, parse.GetValue(output)!, errors.MaxError, errors.Kind, drop, declared,
                        parse.GetValue(threads) ?? 0, headroom: ParseHeadroom(parse.GetValue(headroom))));
            }
            else if (chosen == "float16")
            {
                outcome = ReadingDisplay.Run(console, request.Path, bytes => QuantizeWorkflow.RunFloat16(request with { BytesRead = bytes }, parse.GetValue(output)!, drop, declared,
                    parse.GetValue(threads) ?? 0));
            }
            else if (chosen == "ae")
            {
                string modelDirectory = parse.GetValue(model) ?? throw new ArgumentException("--method ae needs --model (a directory written by `sieve train`).");
                if (drop is { Count: > 0 })
                {
                    throw new ArgumentException("--drop-columns is for --method quantize and float16; with --method ae, give the model an input without those columns.");
                }

                if (rms is not null && bounds is not null)
                {
                    throw new ArgumentException("give --target-rms or --max-error, not both.");
                }

                outcome = ReadingDisplay.Run(console, parse.GetValue(input)!, bytes => CompressWorkflow.Run(modelDirectory, parse.GetValue(input)!, parse.GetValue(output)!, parse.GetValue(format),
                    CommonOptions.ParseChannel(parse.GetValue(channel)), ParseLatentType(parse.GetValue(latentType)), corrections: errors,
                    latentSteps: DefaultLatentSteps(ParseLatentSteps(parse.GetValue(latentStep)), errors, parse.GetResult(latentType) is { Implicit: false }), embedModel: parse.GetValue(embedModel),
                    allowDrop: parse.GetValue(allowDrop), missing: parse.GetValue(missing), bytesRead: bytes));
            }
            else
            {
                throw new ArgumentException($"--method '{chosen}' is not ae, quantize or float16.");
            }

            Summaries.Compress(console, outcome);
            return 0;
        });
        return command;
    }

    // With corrections and nothing said about the latents, quantise them with the auto step: the
    // measured best (ATLAS jets at 0.3 %: 4.2 bytes/jet against 13.7 with float32 latents).
    // --latent-dtype float32 (or float16) keeps float latents under the corrections.
    private static LatentSteps? DefaultLatentSteps(LatentSteps? given, CorrectionRequest? corrections, bool dtypeGiven) =>
        given ?? (corrections is not null && !dtypeGiven ? new LatentSteps(null) : null);

    private static LatentSteps? ParseLatentSteps(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (text.Trim().Equals("auto", StringComparison.OrdinalIgnoreCase))
        {
            return new LatentSteps(null);
        }

        var steps = new List<double>();
        foreach (string part in text.Split(','))
        {
            if (!double.TryParse(part.Trim(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out double step) || !(step > 0) || double.IsInfinity(step))
            {
                throw new ArgumentException($"--latent-step '{text}': '{part.Trim()}' is not a positive number; give auto, one step, or one per latent dimension.");
            }

            steps.Add(step);
        }

        return new LatentSteps(steps);
    }

    // "2%" or "0.02" as a fraction.
    private static double ParseHeadroom(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return 0;
        }

        string t = text.Trim();
        bool percent = t.EndsWith('%');
        if (!double.TryParse(percent ? t[..^1] : t, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out double value) || !double.IsFinite(value))
        {
            throw new ArgumentException($"--headroom '{text}' is not a number; give e.g. 2% or 0.02.");
        }

        return percent ? value / 100 : value;
    }

    private static Quantiser ParseQuantiser(string? text, bool maxError) => text?.Trim().ToLowerInvariant() switch
    {
        null or "" => maxError ? Quantiser.Uniform : Quantiser.Trellis,
        "trellis" or "tcq" => Quantiser.Trellis,
        "uniform" => Quantiser.Uniform,
        _ => throw new ArgumentException($"--quantiser '{text}' is not trellis or uniform."),
    };

    private static LatentDType ParseLatentType(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        null or "" or "float32" => LatentDType.Float32,
        "float16" or "half" => LatentDType.Float16,
        _ => throw new ArgumentException($"--latent-dtype '{text}' is not float32 or float16."),
    };
}
