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

    /// <summary>Passes over the input at most: the steps fitted on the first chunk are made finer where the whole input misses a target.</summary>
    public const int MaxPasses = 4;

    // On an input of several chunks the steps are fitted on the first one, aiming this much below
    // each target so that the rest of the file, coded with the same steps, rarely needs another pass.
    private const double FirstChunkMargin = 0.99;

    /// <summary>
    /// Compresses a table to per-feature targets (e.g. pt=0.3%, eta=0.003): RMS targets by default,
    /// or, with <paramref name="maxError"/>, bounds that every decompressed value meets. The input
    /// streams through in chunks (<see cref="InputChunks"/>) into a version 5 archive, in bounded
    /// memory: the steps are fitted once, on the first chunk (the whole input when it is one chunk),
    /// and shared by every chunk; each chunk is quantised and coded on its own, on all cores. The
    /// RMS each feature reaches over the whole input is checked after the pass; where one misses
    /// its target its step is made finer and the input is passed again (at most <see cref="MaxPasses"/>).
    /// Bounds need the smallest value of the whole input, so --max-error reads it once more first.
    /// </summary>
    /// <exception cref="ArgumentException">A target is missing or bad, or the trellis was asked for with bounds.</exception>
    /// <param name="drop">Non-feature columns of a table to leave out of the archive (not written back on decompression).</param>
    /// <param name="threads">Threads for coding chunks and for the step search; 0 = one per core. The archive does not depend on it.</param>
    /// <param name="rowsPerChunk">Rows per chunk of a table.</param>
    /// <param name="eventsPerChunk">Events per chunk of an event file.</param>
    /// <param name="steps">The quantiser of another archive (<see cref="StepsFrom"/>) to use instead of fitting one, so that shards of one dataset
    /// share it and concatenate; a target it misses on this input is an error, since finer steps would make the archives differ.</param>
    /// <param name="headroom">Fit the steps this fraction below every target (0.02 = 2 %): room for other shards compressed with these steps by --steps-from.</param>
    public static CompressOutcome Run(InputRequest input, IReadOnlyDictionary<string, string> targets, string archivePath, bool maxError = false,
        Quantiser kind = Quantiser.Trellis, IReadOnlyList<string>? drop = null, VariableKinds? kinds = null, int threads = 0,
        int rowsPerChunk = InputChunks.RowsPerChunk, int eventsPerChunk = InputChunks.EventsPerChunk, FeatureNormaliser? steps = null, double headroom = 0)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!(headroom >= 0 && headroom < 0.5))
        {
            throw new ArgumentException($"--headroom {headroom * 100:G3} % is not between 0 and 50 %.");
        }

        ArgumentNullException.ThrowIfNull(targets);
        if (maxError && kind == Quantiser.Trellis)
        {
            throw new ArgumentException("--max-error needs --quantiser uniform: the trellis may put a value up to a whole step away, so it bounds only the RMS.");
        }

        kinds ??= VariableKinds.Patterns;
        string option = maxError ? "--max-error" : "--target-rms";
        IEnumerable<PreparedChunk> Chunks(bool report) => InputChunks.Read(report ? input : input with { BytesRead = null }, rowsPerChunk, eventsPerChunk)
            .Select(c => Prepare(c, drop, input, targets, option));

        (PreparedChunk first, bool more) = FirstChunk(Chunks(report: false));
        IReadOnlyDictionary<string, string> given = targets;
        IReadOnlyList<TargetAssignment> assigned = ErrorTarget.Assign(targets, first.Input.Table.FeatureNames, kinds);
        string[] lossless = [.. assigned.Where(a => ErrorTarget.IsLossless(a.Text)).Select(a => a.Feature)];
        var zeros = targets.Where(t => ErrorTarget.IsLossless(t.Value)).ToDictionary(t => t.Key, t => t.Value, StringComparer.OrdinalIgnoreCase);
        if (zeros.Count > 0)
        {
            // A target of 0 may also name a column already kept losslessly (nJet, a counter found
            // automatically): it asks for what happens anyway, so it is not refused as a typo.
            ErrorTarget.RequireAllApply(zeros, [.. first.Input.Table.FeatureNames, .. first.Input.Table.SideChannels.Select(c => c.Name)], option, kinds);
            targets = targets.Where(t => !zeros.ContainsKey(t.Key)).ToDictionary(t => t.Key, t => t.Value, StringComparer.OrdinalIgnoreCase);
        }

        if (lossless.Length > 0)
        {
            // A target of 0: the feature leaves the features and travels as a lossless column (its
            // text, written back verbatim), the way --columns leaves a column out.
            if (InputLoader.IsEventFormat(first.Input.Format))
            {
                throw new ArgumentException($"{option} {string.Join(", ", lossless.Select(f => $"{f}=0"))}: a target of 0 keeps a table column losslessly; " +
                    "the features of an event file are its objects' kinematics and cannot leave it.");
            }

            string[] features = [.. first.Input.Table.FeatureNames.Where(f => !lossless.Contains(f, StringComparer.Ordinal))];
            if (features.Length == 0)
            {
                throw new ArgumentException($"{option}: every feature has the target 0 (lossless); nothing is left to quantise. Use --method float16 or a general-purpose compressor.");
            }

            input = input with { Columns = features };
            (first, more) = FirstChunk(Chunks(report: false));
        }

        LoadedInput loaded = first.Input;
        FeatureTable table = loaded.Table;
        double toGeV = loaded.Unit.ToGeV();
        bool events = InputLoader.IsEventFormat(loaded.Format);
        FeatureNormaliser quantiser;
        if (steps is not null)
        {
            if (!steps.Transforms.Select(t => t.Feature).SequenceEqual(table.FeatureNames, StringComparer.Ordinal))
            {
                throw new ArgumentException($"--steps-from: the archive's quantiser is for the features {string.Join(", ", steps.Transforms.Select(t => t.Feature))}, " +
                    $"but {input.Path} gives {string.Join(", ", table.FeatureNames)}.");
            }

            quantiser = steps;
        }
        else if (maxError)
        {
            var statistics = new StepStatistics(table.FeatureNames, toGeV, kinds);
            foreach (PreparedChunk chunk in more ? Chunks(report: false) : [first])
            {
                statistics.Add(chunk.Input.Table);
            }

            quantiser = Fit(table.FeatureNames, statistics, targets, toGeV, maxError: true, kinds);
        }
        else
        {
            quantiser = Fit(table, targets, toGeV, maxError: false, kinds);
            (quantiser, _) = FitSteps(quantiser, table, targets, toGeV, kind, input.Path, mask: first.Present, kinds: kinds,
                eventOutput: events, threads: threads, margin: Math.Min(more ? FirstChunkMargin : 1, 1 - headroom));
        }

        var options = new Dictionary<string, string> { ["method"] = ModelName, [maxError ? "max_error" : "target_rms"] = ErrorTarget.ListText(given) };
        AddMarker(options, input.Missing);
        var latent = new LatentEncoding(LatentDType.Int32, table.RowCount, table.FeatureCount)
        {
            Quantisation = !maxError && kind == Quantiser.Trellis ? LatentQuantisation.Trellis : LatentQuantisation.Uniform,
        };

        for (int pass = 1; ; pass++)
        {
            FeatureNormaliser current = quantiser;
            ArchiveHeader header = Header(loaded, current, ModelName, options, latent);
            ChunkPass done = ChunkedCompression.Write(Chunks(report: pass == 1), header,
                chunk => maxError ? Bounded(current, chunk, input.Path) : Quantised(current, chunk, targets, toGeV, kind, input.Path, kinds, events),
                archivePath, threads, p => maxError || Misses(p, current, targets, kinds).Count == 0);
            if (done.Completed)
            {
                return Outcome(archivePath, done, loaded, pass, table.RowCount) with { Targets = assigned };
            }

            // Make the steps of the features that missed finer and pass again: RMS ~ step, but the
            // digits a decompressed file keeps add a floor, so go by the square of the miss, at least 5 %.
            IReadOnlyList<(int Feature, double Rms, double Target)> misses = Misses(done, current, targets, kinds);
            string missed = string.Join(", ", misses.Select(m => string.Create(CultureInfo.InvariantCulture, $"{table.FeatureNames[m.Feature]} (RMS {m.Rms:G4} > {m.Target:G4})")));
            if (steps is not null)
            {
                throw new ArgumentException($"{option}: with the steps of --steps-from, {input.Path} misses {missed}" +
                    "; this shard is unlike the one the steps were fitted on. Fit the shared steps with room to spare (compress the first shard with --headroom 2%), or compress this one without --steps-from (it will not concatenate).");
            }

            if (pass == MaxPasses)
            {
                throw new ArgumentException($"{option}: after {pass} passes over {input.Path} the RMS still misses {missed}" +
                    "; the first chunk does not describe the rest of the file. Shuffle the rows, or give larger targets.");
            }

            FeatureTransform[] transforms = [.. current.Transforms];
            foreach ((int f, double rms, double target) in misses)
            {
                transforms[f] = transforms[f] with { Scale = transforms[f].Scale * Math.Min(0.95, 0.99 * (target / rms) * (target / rms)) };
            }

            quantiser = current with { Transforms = transforms };
        }
    }

    /// <summary>
    /// What <see cref="Run"/> needs to compress another shard exactly like the archive at
    /// <paramref name="archivePath"/>: its quantiser, its targets (RMS or bounds) and its quantiser kind.
    /// </summary>
    /// <exception cref="ArgumentException">The archive was not written by --method quantize.</exception>
    public static (FeatureNormaliser Steps, Dictionary<string, string> Targets, bool MaxError, Quantiser Kind) StepsFrom(string archivePath)
    {
        ArgumentException.ThrowIfNullOrEmpty(archivePath);
        ArchiveHeader header = ArchiveReader.ReadHeader(archivePath);

        if (header.Model.Name != ModelName)
        {
            throw new ArgumentException($"--steps-from {archivePath}: written by --method {header.Model.Name}, not quantize; it has no quantiser steps to share.");
        }

        bool maxError = header.Schema.FormatOptions.TryGetValue("max_error", out string? text);
        if (!maxError && !header.Schema.FormatOptions.TryGetValue("target_rms", out text))
        {
            throw new InvalidDataException($"{archivePath}: the header records no targets (target_rms or max_error).");
        }

        Dictionary<string, string> targets = ErrorTarget.ParseList(text, $"{archivePath}: the recorded targets")
            ?? throw new InvalidDataException($"{archivePath}: the header records empty targets.");
        Quantiser kind = header.Latent.Quantisation == LatentQuantisation.Trellis ? Quantiser.Trellis : Quantiser.Uniform;
        return (StoredQuantiser(header), targets, maxError, kind);
    }

    /// <summary>
    /// compress --method float16: no network, every feature stored as IEEE half precision (energies in
    /// GeV so pT in MeV cannot overflow 65504). A baseline: about 0.02 % relative error for 8 bytes per
    /// 4-feature jet. Streams in chunks into a version 5 archive, like <see cref="Run"/>.
    /// </summary>
    public static CompressOutcome RunFloat16(InputRequest input, string archivePath, IReadOnlyList<string>? drop = null, VariableKinds? kinds = null, int threads = 0,
        int rowsPerChunk = InputChunks.RowsPerChunk, int eventsPerChunk = InputChunks.EventsPerChunk)
    {
        ArgumentNullException.ThrowIfNull(input);
        kinds ??= VariableKinds.Patterns;
        IEnumerable<PreparedChunk> Chunks(bool report) => InputChunks.Read(report ? input : input with { BytesRead = null }, rowsPerChunk, eventsPerChunk)
            .Select(c => Prepare(c, drop, input, null, "--method float16"));
        (PreparedChunk first, _) = FirstChunk(Chunks(report: false));
        LoadedInput loaded = first.Input;
        FeatureTable table = loaded.Table;
        double toGeV = loaded.Unit.ToGeV();
        var transforms = table.FeatureNames.Select(name => new FeatureTransform(name, TransformFunction.Identity,
            kinds.Classify(name) == VariableKind.EnergyLike ? toGeV : 1, 0, 1, kinds.Classify(name) == VariableKind.Angle)).ToList();
        var identity = new FeatureNormaliser(NormalisationKind.None, transforms);

        ChunkLatents Halves(PreparedChunk chunk)
        {
            FeatureTable rows = chunk.Input.Table;
            float[] values = identity.Transform(rows.Values);
            for (int i = 0; i < values.Length; i++)
            {
                if (!Half.IsFinite((Half)values[i]))
                {
                    string name = rows.FeatureNames[i % rows.FeatureCount];
                    int row = i / rows.FeatureCount;
                    throw new Core.Errors.SieveDataException(input.Path, chunk.Input.LineOf(row), name,
                        $"row {chunk.Input.FirstRow + row + 1}: {values[i]} overflows float16", "a value within +-65504 (energies in GeV)");
                }
            }

            return new ChunkLatents(values, new double[rows.FeatureCount], new long[rows.FeatureCount]);
        }

        var options = new Dictionary<string, string> { ["method"] = Float16ModelName };
        AddMarker(options, input.Missing);
        ArchiveHeader header = Header(loaded, identity, Float16ModelName, options, new LatentEncoding(LatentDType.Float16, table.RowCount, table.FeatureCount));
        ChunkPass done = ChunkedCompression.Write(Chunks(report: true), header, Halves, archivePath, threads, _ => true);
        return Outcome(archivePath, done, loaded, passes: 1, table.RowCount);
    }

    // The first chunk, and whether another follows (then the steps are fitted on a part of the input).
    private static (PreparedChunk First, bool More) FirstChunk(IEnumerable<PreparedChunk> chunks)
    {
        using IEnumerator<PreparedChunk> e = chunks.GetEnumerator();
        if (!e.MoveNext())
        {
            throw new InvalidOperationException("an input gives at least one chunk, if empty");
        }

        PreparedChunk first = e.Current;
        return (first, e.MoveNext());
    }

    // --drop-columns, --missing and the check that targeted columns are numbers, on one chunk.
    private static PreparedChunk Prepare(LoadedInput chunk, IReadOnlyList<string>? drop, InputRequest input, IReadOnlyDictionary<string, string>? targets, string option)
    {
        LoadedInput kept = Dropping(chunk, drop, input.Path);
        if (targets is not null)
        {
            RequireNumbers(kept, targets, input.Path, option);
        }

        (LoadedInput loaded, float[]? present) = WithoutMissing(kept, input.Missing);
        return new PreparedChunk(loaded, present);
    }

    // RMS targets: each feature's indices with its fitted step (the trellis runs per chunk), and the errors as `sieve evaluate` counts them.
    private static ChunkLatents Quantised(FeatureNormaliser quantiser, PreparedChunk chunk, IReadOnlyDictionary<string, string> targets, double toGeV,
        Quantiser kind, string path, VariableKinds kinds, bool events)
    {
        FeatureTable table = chunk.Input.Table;
        int dims = table.FeatureCount;
        var symbols = new float[table.Values.Length];
        var squaredErrors = new double[dims];
        var counted = new long[dims];
        for (int f = 0; f < dims; f++)
        {
            FeatureTransform transform = quantiser.Transforms[f];
            (_, bool relative) = ErrorTarget.For(targets, table.FeatureNames[f], kinds);
            var column = new FeatureColumn(table, f, transform, relative, toGeV, kind, path, mask: chunk.Present, kinds: kinds, eventOutput: events,
                firstRow: chunk.Input.FirstRow);
            (double sum, long count, int[] indices) = column.Quantize(transform.Scale, asWritten: true);
            if (indices.Length != table.RowCount)
            {
                throw column.TooSmall("--target-rms", ErrorTarget.TextFor(targets, table.FeatureNames[f], kinds));
            }

            squaredErrors[f] = sum;
            counted[f] = count;
            for (int r = 0; r < indices.Length; r++)
            {
                symbols[(r * dims) + f] = indices[r];
            }
        }

        return new ChunkLatents(symbols, squaredErrors, counted);
    }

    // Bounds: rounding to the nearest step (the bound holds by construction, see Fit).
    private static ChunkLatents Bounded(FeatureNormaliser quantiser, PreparedChunk chunk, string path)
    {
        FeatureTable table = chunk.Input.Table;
        return new ChunkLatents(Symbols(quantiser, table, path, chunk.Input.FirstRow), new double[table.FeatureCount], new long[table.FeatureCount]);
    }

    // The features whose RMS over the whole input is above their target.
    private static List<(int Feature, double Rms, double Target)> Misses(ChunkPass pass, FeatureNormaliser quantiser, IReadOnlyDictionary<string, string> targets, VariableKinds kinds)
    {
        var misses = new List<(int, double, double)>();
        for (int f = 0; f < quantiser.Transforms.Count; f++)
        {
            double target = ErrorTarget.For(targets, quantiser.Transforms[f].Feature, kinds).Value;
            if (!(pass.Rms(f) <= target))
            {
                misses.Add((f, pass.Rms(f), target));
            }
        }

        return misses;
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
                    throw new Core.Errors.SieveDataException(path, loaded.LineOf(r), channel.Name,
                        $"{option} {key}={targets[key]} names this column, but row {loaded.FirstRow + r + 1} holds '{cell}', so it cannot be quantised", "a finite number in every row");
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

    // The archive's header; its row counts are set per chunk and to the totals by the chunked writer.
    private static ArchiveHeader Header(LoadedInput loaded, FeatureNormaliser quantiser, string modelName, Dictionary<string, string> options, LatentEncoding latent)
    {
        FeatureTable table = loaded.Table;
        return new ArchiveHeader(
            ToolInfo.Name,
            new ArchiveSchema(loaded.Format.ToString().ToLowerInvariant(), table.ColumnOrder, table.FeatureNames, [.. table.SideChannels.Select(c => c.Name)],
                table.RowCount, loaded.Unit.ToString(), Synthetic: false, options),
            new ModelIdentity(modelName, Hash(quantiser), table.FeatureCount, table.FeatureCount),
            JsonSerializer.SerializeToNode(quantiser, SieveJson.Options),
            latent)
        {
            FormatVersion = ArchiveFormat.ChunkedVersion,
        };
    }

    private static CompressOutcome Outcome(string archivePath, ChunkPass pass, LoadedInput first, int passes, int fitRows) =>
        new(archivePath, (int)pass.Rows, first.FileBytes, ArchiveInspector.Inspect(archivePath), 0, pass.Dropped, first.KeptLossless)
        {
            Passes = passes,
            Chunks = pass.Chunks,
            FitRows = fitRows,
        };

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
        kinds ??= VariableKinds.Patterns;
        return Fit(table.FeatureNames, new StepStatistics(table.FeatureNames, energyScaleToGeV, kinds).Add(table), targets, energyScaleToGeV, maxError, kinds);
    }

    // The quantiser from the statistics of the values (of the whole input, or of the chunks the steps are fitted on).
    private static FeatureNormaliser Fit(IReadOnlyList<string> featureNames, StepStatistics statistics, IReadOnlyDictionary<string, string> targets,
        double energyScaleToGeV, bool maxError, VariableKinds kinds)
    {
        ArgumentNullException.ThrowIfNull(targets);
        string option = maxError ? "--max-error" : "--target-rms";
        kinds.RequireFeatures(featureNames);
        ErrorTarget.RequireAllApply(targets, featureNames, option, kinds);
        string[] missing = [.. featureNames.Where(f => ErrorTarget.Find(targets, f, kinds) is null)];
        if (missing.Length > 0)
        {
            throw new ArgumentException($"{option} gives no target for {string.Join(", ", missing)}; give one per feature, e.g. pt=0.3%,m=0.3%,eta=0.003,phi=0.003 (or declare a feature's kind with --kinds).");
        }

        var transforms = new List<FeatureTransform>();
        for (int f = 0; f < featureNames.Count; f++)
        {
            string name = featureNames[f];
            (double target, bool relative) = ErrorTarget.For(targets, name, kinds);

            bool periodic = kinds.Classify(name) == VariableKind.Angle;
            if (!relative)
            {
                transforms.Add(new FeatureTransform(name, TransformFunction.Identity, 1, 0, Margin * target * (maxError ? HalfStepsPerBound : Math.Sqrt(12)), periodic));
                continue;
            }

            // Relative error of x for an error dg in g: ln(10) dg (1 + x0/|x|); for RMS targets the
            // factor is averaged over the counted rows, for bounds taken at the smallest counted value.
            double x0 = 0.1 / energyScaleToGeV;
            double step = maxError
                ? Margin * HalfStepsPerBound * Math.Log10(1 + (target / statistics.WorstFactor(f)))
                : Margin * target * Math.Sqrt(12) / (Math.Log(10) * statistics.RmsFactor(f));
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
        VariableKinds? kinds = null, bool eventOutput = false, int threads = 0, double margin = 1)
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
            target *= margin;
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

    private static float[] Symbols(FeatureNormaliser quantiser, FeatureTable table, string path, long firstRow = 0)
    {
        float[] y;
        try
        {
            y = quantiser.Transform(table.Values);
        }
        catch (NormalisationException e)
        {
            throw new Core.Errors.SieveDataException(path, null, e.Feature, $"row {firstRow + e.Row + 1}: value cannot be quantised", "a finite number", e);
        }

        var symbols = new float[y.Length];
        for (int i = 0; i < y.Length; i++)
        {
            double s = Math.Round((double)y[i], MidpointRounding.AwayFromZero);
            if (Math.Abs(s) >= ArchiveFormat.MaxIntegerLatent)
            {
                throw new ArgumentException($"{table.FeatureNames[i % table.FeatureCount]}: value at row {firstRow + (i / table.FeatureCount) + 1} needs {s} quantisation steps; the target is too small for this range.");
            }

            symbols[i] = (float)s;
        }

        return symbols;
    }

    private static string Hash(FeatureNormaliser quantiser) =>
        Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(quantiser, SieveJson.Options)));
}
