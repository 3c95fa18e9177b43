using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Sieve.Compression.Archive;
using Sieve.Core.Metrics;
using Sieve.Core.Normalisation;
using Sieve.Core.Serialization;
using Sieve.Core.Tables;

namespace Sieve.Pipeline;

/// <summary>
/// compress --method quantize: no network. Every feature is transformed (log-like for relative
/// targets, identity for absolute ones) and quantised, by default along a trellis
/// (<see cref="Compression.Coding.TrellisQuantizer"/>), with the largest step that meets its RMS
/// target; the integers are coded by <see cref="Compression.Coding.TableCoder"/> (coding order,
/// predictions from earlier columns, contexts; archive version 4). The quantiser travels in the
/// header, so decompression needs nothing else. --method float16 (a baseline) lives here too.
/// </summary>
public static class QuantizeWorkflow
{
    /// <summary>Model name in the archive header of quantised archives.</summary>
    public const string ModelName = "quantize";

    /// <summary>Model name in the archive header of float16 archives (compress --method float16).</summary>
    public const string Float16ModelName = "float16";

    // Aim 2 % below a bound: the step formula for relative bounds is derived for the smallest counted value.
    private const double Margin = 0.98;

    // A bound allows half a step of rounding plus the digits a decompressed file drops (PrintedPrecision): step = bound / 0.52.
    private const double HalfStepsPerBound = 1 / (0.5 + PrintedPrecision.StepFraction);

    // Aim 0.1 % below an RMS target in the search; the final check on every row's value as written is against the target itself.
    private const double TargetMargin = 0.999;

    /// <summary>
    /// Compresses a table to per-feature targets (e.g. pt=0.3%, eta=0.003): RMS targets by default,
    /// or, with <paramref name="maxError"/>, bounds that every decompressed value meets.
    /// </summary>
    /// <exception cref="ArgumentException">A target is missing or bad, or the trellis was asked for with bounds.</exception>
    /// <param name="drop">Non-feature columns of a table to leave out of the archive (not written back on decompression).</param>
    /// <param name="threads">Threads for the step search (one feature each); 0 = one per core. The archive does not depend on it.</param>
    public static CompressOutcome Run(InputRequest input, IReadOnlyDictionary<string, string> targets, string archivePath, bool maxError = false,
        Quantiser kind = Quantiser.Trellis, IReadOnlyList<string>? drop = null, VariableKinds? kinds = null, int threads = 0)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(targets);
        if (maxError && kind == Quantiser.Trellis)
        {
            throw new ArgumentException("--max-error needs --quantiser uniform: the trellis may put a value up to a whole step away, so it bounds only the RMS.");
        }

        (LoadedInput loaded, float[]? present) = WithoutMissing(Dropping(InputLoader.Load(input), drop, input.Path), input.Missing);
        FeatureTable table = loaded.Table;
        RequireNumbers(loaded, targets, input.Path, maxError ? "--max-error" : "--target-rms");
        FeatureNormaliser quantiser = Fit(table, targets, loaded.Unit.ToGeV(), maxError, kinds);
        float[] symbols;
        if (maxError)
        {
            symbols = Symbols(quantiser, table, input.Path);
        }
        else
        {
            (quantiser, symbols) = FitSteps(quantiser, table, targets, loaded.Unit.ToGeV(), kind, input.Path, mask: present, kinds: kinds,
                eventOutput: InputLoader.IsEventFormat(loaded.Format), threads: threads);
        }

        var options = new Dictionary<string, string> { ["method"] = ModelName, [maxError ? "max_error" : "target_rms"] = string.Join(",", targets.Select(t => $"{t.Key}={t.Value}")) };
        AddMarker(options, input.Missing);
        var latent = new LatentEncoding(LatentDType.Int32, table.RowCount, table.FeatureCount)
        {
            Quantisation = !maxError && kind == Quantiser.Trellis ? LatentQuantisation.Trellis : LatentQuantisation.Uniform,
        };
        return Write(loaded, quantiser, ModelName, options, latent, symbols, archivePath);
    }

    /// <summary>
    /// compress --method float16: no network, every feature stored as IEEE half precision (energies in
    /// GeV so pT in MeV cannot overflow 65504), archive version 2. A baseline: about 0.02 % relative
    /// error for 8 bytes per 4-feature jet.
    /// </summary>
    public static CompressOutcome RunFloat16(InputRequest input, string archivePath, IReadOnlyList<string>? drop = null, VariableKinds? kinds = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        kinds ??= VariableKinds.Patterns;
        (LoadedInput loaded, _) = WithoutMissing(Dropping(InputLoader.Load(input), drop, input.Path), input.Missing);
        FeatureTable table = loaded.Table;
        double toGeV = loaded.Unit.ToGeV();
        var transforms = table.FeatureNames.Select(name => new FeatureTransform(name, TransformFunction.Identity,
            kinds.Classify(name) == VariableKind.EnergyLike ? toGeV : 1, 0, 1, kinds.Classify(name) == VariableKind.Angle)).ToList();
        var identity = new FeatureNormaliser(NormalisationKind.None, transforms);
        float[] values = identity.Transform(table.Values);
        for (int i = 0; i < values.Length; i++)
        {
            if (!Half.IsFinite((Half)values[i]))
            {
                string name = table.FeatureNames[i % table.FeatureCount];
                throw new Core.Errors.SieveDataException(input.Path, null, name, $"row {(i / table.FeatureCount) + 1}: {values[i]} overflows float16", "a value within +-65504 (energies in GeV)");
            }
        }

        var options = new Dictionary<string, string> { ["method"] = Float16ModelName };
        AddMarker(options, input.Missing);
        return Write(loaded, identity, Float16ModelName, options, new LatentEncoding(LatentDType.Float16, table.RowCount, table.FeatureCount), values, archivePath);
    }

    /// <summary>Whether an archive was written by this workflow (its quantiser is in the header; no model to load).</summary>
    public static bool Wrote(ArchiveHeader header) => header?.Model.Name is ModelName or Float16ModelName;

    /// <summary>
    /// --missing: marker cells are not numbers to quantise. They are filled with the feature's mean
    /// of present values (cheap to code, never counted in the error) and their positions travel as
    /// the missing-cells side channel, so decompression writes the marker back exactly. Returns the
    /// presence mask (null without a marker).
    /// </summary>
    private static (LoadedInput Loaded, float[]? Present) WithoutMissing(LoadedInput loaded, double? marker)
    {
        if (marker is not { } m)
        {
            return (loaded, null);
        }

        MissingValueSplit split = MissingValues.Split(loaded.Table, m, MissingValueFill.TrainingMean);
        FeatureTable t = split.Table;
        var table = new FeatureTable(t.FeatureNames, t.Values, t.RowCount,
            [.. t.SideChannels, MissingCellsChannel.Encode(split.Mask, t.RowCount, t.FeatureCount)], t.ColumnOrder);
        return (loaded with { Table = table }, [.. split.Mask.Select(x => (float)x)]);
    }

    /// <summary>
    /// A column a target names that was read as text (one cell is not a number) is bad input at that
    /// cell, not a lossless column to pass through without its target.
    /// </summary>
    private static void RequireNumbers(LoadedInput loaded, IReadOnlyDictionary<string, string> targets, string path, string option)
    {
        if (InputLoader.IsEventFormat(loaded.Format))
        {
            return; // the side channels of events are their structure, never a column a target names
        }

        foreach (string key in targets.Keys)
        {
            if (loaded.Table.SideChannels.FirstOrDefault(c => c.Name.Equals(key, StringComparison.OrdinalIgnoreCase)) is not { } channel)
            {
                continue;
            }

            for (int r = 0; r < channel.Values.Count; r++)
            {
                string cell = channel.Values[r];
                if (!double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) || !double.IsFinite(value))
                {
                    long? line = loaded.Format == InputFormat.Csv ? r + 2L : null; // after the header line
                    throw new Core.Errors.SieveDataException(path, line, channel.Name,
                        $"{option} {key}={targets[key]} names this column, but row {r + 1} holds '{cell}', so it cannot be quantised", "a finite number in every row");
                }
            }
        }
    }

    private static void AddMarker(Dictionary<string, string> options, double? marker)
    {
        if (marker is { } m)
        {
            options[CompressWorkflow.MissingMarkerOption] = m.ToString("R", CultureInfo.InvariantCulture);
        }
    }

    // Leaves named non-feature columns of a table out; event side channels carry the event structure and stay.
    private static LoadedInput Dropping(LoadedInput loaded, IReadOnlyList<string>? drop, string path)
    {
        if (drop is not { Count: > 0 })
        {
            return loaded;
        }

        FeatureTable table = loaded.Table;
        if (InputLoader.IsEventFormat(loaded.Format))
        {
            throw new ArgumentException($"--drop-columns leaves out columns of tables; {path} is read as {loaded.Format} events, whose side channels carry the event structure.");
        }

        foreach (string name in drop)
        {
            if (!table.SideChannels.Any(c => c.Name == name))
            {
                throw new ArgumentException(table.FeatureNames.Contains(name)
                    ? $"--drop-columns {name}: {name} is a feature being compressed; drop it from --columns instead."
                    : $"--drop-columns {name}: {path} has no such column (its non-feature columns: {string.Join(", ", table.SideChannels.Select(c => c.Name))}).");
            }
        }

        var kept = new FeatureTable(table.FeatureNames, table.Values, table.RowCount,
            [.. table.SideChannels.Where(c => !drop.Contains(c.Name))], [.. table.ColumnOrder.Where(c => !drop.Contains(c))]);
        return loaded with { Table = kept };
    }

    private static CompressOutcome Write(LoadedInput loaded, FeatureNormaliser quantiser, string modelName, Dictionary<string, string> options,
        LatentEncoding latent, float[] symbols, string archivePath)
    {
        FeatureTable table = loaded.Table;
        var header = new ArchiveHeader(
            ToolInfo.Name,
            new ArchiveSchema(loaded.Format.ToString().ToLowerInvariant(), table.ColumnOrder, table.FeatureNames, [.. table.SideChannels.Select(c => c.Name)],
                table.RowCount, loaded.Unit.ToString(), Synthetic: false, options),
            new ModelIdentity(modelName, Hash(quantiser), table.FeatureCount, table.FeatureCount),
            JsonSerializer.SerializeToNode(quantiser, SieveJson.Options),
            latent)
        {
            FormatVersion = ArchiveFormat.VersionFor(latent.DType),
        };
        ArchiveWriter.Write(archivePath, new ArchiveContent(header, symbols, table.SideChannels));
        return new CompressOutcome(archivePath, table.RowCount, loaded.FileBytes, ArchiveInspector.Inspect(archivePath), 0, KeptLossless: loaded.KeptLossless);
    }

    /// <summary>
    /// The quantiser: per feature y = g(x) / step with g = sign(x) log10(1 + |x| / x0) (x0 = 0.1 GeV)
    /// for relative targets and g = x for absolute ones. The step comes from the target RMS (uniform
    /// error: RMS = step / sqrt(12)) or, with <paramref name="maxError"/>, from the bound (maximum error
    /// = step / 2), for relative targets over the rows the evaluation counts (m &gt; 1 GeV, others &gt; 0):
    /// a relative bound holds for every value above that minimum.
    /// </summary>
    public static FeatureNormaliser Fit(FeatureTable table, IReadOnlyDictionary<string, string> targets, double energyScaleToGeV, bool maxError = false,
        VariableKinds? kinds = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(targets);
        kinds ??= VariableKinds.Patterns;
        string option = maxError ? "--max-error" : "--target-rms";
        kinds.RequireFeatures(table.FeatureNames);
        ErrorTarget.RequireAllApply(targets, table.FeatureNames, option, kinds);
        string[] missing = [.. table.FeatureNames.Where(f => ErrorTarget.Find(targets, f, kinds) is null)];
        if (missing.Length > 0)
        {
            throw new ArgumentException($"{option} gives no target for {string.Join(", ", missing)}; give one per feature, e.g. pt=0.3%,m=0.3%,eta=0.003,phi=0.003 (or declare a feature's kind with --kinds).");
        }

        var transforms = new List<FeatureTransform>();
        for (int f = 0; f < table.FeatureCount; f++)
        {
            string name = table.FeatureNames[f];
            (double target, bool relative) = ErrorTarget.For(targets, name, kinds);

            bool periodic = kinds.Classify(name) == VariableKind.Angle;
            if (!relative)
            {
                transforms.Add(new FeatureTransform(name, TransformFunction.Identity, 1, 0, Margin * target * (maxError ? HalfStepsPerBound : Math.Sqrt(12)), periodic));
                continue;
            }

            // Relative error of x for an error dg in g: ln(10) dg (1 + x0/|x|); average the factor over the counted rows.
            double x0 = 0.1 / energyScaleToGeV;
            double minimum = kinds.IsMass(name) ? 1.0 / energyScaleToGeV : 0;
            double[] column = [.. table.Column(f).Where(x => Math.Abs(x) > minimum)];
            double step;
            if (maxError)
            {
                // |dx|/|x| <= (1 + x0/|x|)(10^(step/2) - 1): bounded by the target for every |x| >= the smallest counted value.
                double worst = column.Length == 0 ? 1 : 1 + (x0 / column.Min(Math.Abs));
                step = Margin * HalfStepsPerBound * Math.Log10(1 + (target / worst));
            }
            else
            {
                double factor = column.Length == 0 ? 1 : Math.Sqrt(column.Average(x => Math.Pow(1 + (x0 / Math.Abs(x)), 2)));
                step = Margin * target * Math.Sqrt(12) / (Math.Log(10) * factor);
            }

            transforms.Add(new FeatureTransform(name, TransformFunction.SignedLog10p1, 1 / x0, 0, step, periodic));
        }

        return new FeatureNormaliser(NormalisationKind.None, transforms);
    }

    /// <summary>Rows the step search runs over: larger inputs search on an evenly spaced sample of this many rows.</summary>
    public const int StepSearchRows = 65_536;

    /// <summary>
    /// The step formulas hold only on average, and the trellis's error is not a closed form; the data
    /// are at hand, so search each feature's step (bisection) for the largest one whose RMS, as
    /// `sieve evaluate` counts it, stays within the target. On more than <see cref="StepSearchRows"/>
    /// rows the search runs on an evenly spaced sample (every k-th row), and the step it finds is
    /// checked once on every row, made finer where the whole file misses. Returns the quantiser and
    /// the row-major indices.
    /// </summary>
    internal static (FeatureNormaliser, float[]) FitSteps(FeatureNormaliser quantiser, FeatureTable table,
        IReadOnlyDictionary<string, string> targets, double energyScaleToGeV, Quantiser kind, string path, double[]? baseline = null, IReadOnlyList<float>? mask = null,
        VariableKinds? kinds = null, bool eventOutput = false, int threads = 0)
    {
        var transforms = quantiser.Transforms.ToArray();
        var symbols = new float[table.Values.Length];
        int dims = table.FeatureCount;
        int stride = (int)Math.Ceiling((double)table.RowCount / StepSearchRows);
        (FeatureTable sample, double[]? sampleBaseline, IReadOnlyList<float>? sampleMask) = stride > 1 ? Sample(table, baseline, mask, stride) : (table, baseline, mask);

        // One feature's step search and indices; writes only its own transform and symbol column.
        void FitOne(int f)
        {
            (double target, bool relative) = ErrorTarget.For(targets, table.FeatureNames[f], kinds);
            string option = baseline is null ? "--target-rms" : "--target-rms (corrections)", given = ErrorTarget.TextFor(targets, table.FeatureNames[f], kinds);
            var column = new FeatureColumn(table, f, transforms[f], relative, energyScaleToGeV, kind, path, baseline, mask, kinds, eventOutput);
            FeatureColumn search = stride > 1
                ? new FeatureColumn(sample, f, transforms[f], relative, energyScaleToGeV, kind, path, sampleBaseline, sampleMask, kinds, eventOutput)
                : column;
            double goal = TargetMargin * target;

            // Halve from the formula's step down to the finest step the archive's integers hold (over
            // every row); when even that misses, no step meets the target: refuse rather than store a
            // column of zeros.
            double finest = column.FinestStep;
            double low = Math.Max(transforms[f].Scale, finest);
            while (search.Rms(low).Rms > goal)
            {
                if (low <= finest)
                {
                    throw column.TooSmall(option, given);
                }

                low = Math.Max(low / 2, finest);
            }

            double high = low * 2;
            for (int i = 0; i < 60 && search.Rms(high).Rms <= goal; i++)
            {
                (low, high) = (high, high * 2);
            }

            for (int i = 0; i < 24; i++)
            {
                double mid = Math.Sqrt(low * high);
                if (search.Rms(mid).Rms <= goal)
                {
                    low = mid;
                }
                else
                {
                    high = mid;
                }
            }

            // Decompressed files hold the digits PrintedPrecision keeps: check the step on every row's
            // value as written, and take slightly finer steps where the sample or the round-off was off.
            (double rms, int[] indices) = column.Rms(low, asWritten: true);
            for (int i = 0; i < 80 && !(rms <= target) && low > finest; i++)
            {
                low = Math.Max(low * 0.97, finest);
                (rms, indices) = column.Rms(low, asWritten: true);
            }

            if (!(rms <= target) || indices.Length != table.RowCount)
            {
                throw column.TooSmall(option, given);
            }

            transforms[f] = transforms[f] with { Scale = low };
            for (int r = 0; r < indices.Length; r++)
            {
                symbols[(r * dims) + f] = indices[r];
            }
        }


        // Features are independent: fit them on all cores. Each feature's result does not depend on
        // the others or on the order, so the archive is the same with any number of threads; the
        // error reported is the one of the first feature that failed, as with one thread.
        Core.Parallelism.OrderedParallel.For(0, dims, threads, FitOne);

        return (quantiser with { Transforms = transforms }, symbols);
    }

    // Every stride-th row of the features (and of the decoder's output and the mask, row-major like them).
    private static (FeatureTable Sample, double[]? Baseline, float[]? Mask) Sample(FeatureTable table, double[]? baseline, IReadOnlyList<float>? mask, int stride)
    {
        int dims = table.FeatureCount, rows = (table.RowCount + stride - 1) / stride;
        var values = new double[rows * dims];
        double[]? b = baseline is null ? null : new double[rows * dims];
        float[]? m = mask is null ? null : new float[rows * dims];
        for (int s = 0; s < rows; s++)
        {
            int from = s * stride * dims, to = s * dims;
            Array.Copy(table.Values, from, values, to, dims);
            if (b is not null)
            {
                Array.Copy(baseline!, from, b, to, dims);
            }

            for (int d = 0; m is not null && d < dims; d++)
            {
                m[to + d] = mask![from + d];
            }
        }

        return (new FeatureTable(table.FeatureNames, values, rows, [], table.FeatureNames), b, m);
    }

    /// <summary>The quantiser stored in the header of an archive this workflow wrote.</summary>
    public static FeatureNormaliser StoredQuantiser(ArchiveHeader header)
    {
        ArgumentNullException.ThrowIfNull(header);
        return header.Normaliser.Deserialize<FeatureNormaliser>(SieveJson.Options)
            ?? throw new InvalidDataException("the archive's quantiser is missing from its header.");
    }

    private static float[] Symbols(FeatureNormaliser quantiser, FeatureTable table, string path)
    {
        float[] y;
        try
        {
            y = quantiser.Transform(table.Values);
        }
        catch (NormalisationException e)
        {
            throw new Core.Errors.SieveDataException(path, null, e.Feature, $"row {e.Row + 1}: value cannot be quantised", "a finite number", e);
        }

        var symbols = new float[y.Length];
        for (int i = 0; i < y.Length; i++)
        {
            double s = Math.Round((double)y[i], MidpointRounding.AwayFromZero);
            if (Math.Abs(s) >= ArchiveFormat.MaxIntegerLatent)
            {
                throw new ArgumentException($"{table.FeatureNames[i % table.FeatureCount]}: value at row {(i / table.FeatureCount) + 1} needs {s} quantisation steps; the target is too small for this range.");
            }

            symbols[i] = (float)s;
        }

        return symbols;
    }

    private static string Hash(FeatureNormaliser quantiser) =>
        Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(quantiser, SieveJson.Options)));
}
