using System.Globalization;
using Sieve.Core.Layouts;
using Sieve.Core.Parallelism;
using Sieve.Core.Selection;
using Sieve.Core.Tables;
using Sieve.IO.Parquet;
using Sieve.IO.Tables;
using Sieve.Models.Autoencoders;
using Sieve.Models.Checkpoints;
using Sieve.Models.FixedPoint;
using Sieve.Models.Inference;
using Sieve.Models.Scoring;

namespace Sieve.Pipeline;

/// <summary>
/// score: one row per event with its id, process, weight, multiplicity and anomaly scores
/// (reconstruction error over present cells; KL and R_z for VAEs), as CSV or Parquet.
/// </summary>
public static class ScoreWorkflow
{
    /// <summary>Column names of a scores file.</summary>
    public const string IdColumn = "event_id", ProcessColumn = "process_id", WeightColumn = "weight", MultiplicityColumn = "multiplicity";

    /// <summary>Scores <paramref name="inputPath"/>; returns the number of events, the score columns written and the objects a slot layout dropped.</summary>
    /// <param name="allowDrop">Accept a slot layout that drops more than 1 % of the objects.</param>
    /// <param name="missing">--missing as given: must be the model's marker (which applies either way).</param>
    /// <param name="bytesRead">Where to report the bytes of the input read so far.</param>
    /// <param name="rowsPerChunk">Rows of a table scored at a time (CSV scores are written chunk by chunk, in bounded memory).</param>
    /// <param name="eventsPerChunk">Events of an event file scored at a time.</param>
    /// <param name="engine">What runs the model; <see cref="ScoreEngine.Auto"/> takes the native kernels for a dense model.</param>
    /// <param name="threads">Threads of the native kernels; null for all cores.</param>
    public static ScoreOutcome Run(string modelDirectory, string inputPath, string outputPath,
        InputFormat? format = null, Channel? channel = null, string? multiplicityColumn = null, bool allowDrop = false, double? missing = null,
        IProgress<long>? bytesRead = null, int rowsPerChunk = InputChunks.RowsPerChunk, int eventsPerChunk = InputChunks.EventsPerChunk,
        ScoreEngine engine = ScoreEngine.Auto, int? threads = null)
    {
        (IAutoencoder model, ModelManifest manifest) = ModelCheckpoint.Load(modelDirectory);
        using (model)
        {
            FixedPointAutoencoder? fixedPoint = engine == ScoreEngine.FixedPoint ? FixedPointFor(model, modelDirectory) : null;
            NativeAutoencoder? native = fixedPoint is null ? NativeFor(model, engine) : null;
            if (InputLoader.IsEventFormat(manifest.Schema.Format) && manifest.Schema.Layout == LayoutKind.PerObject)
            {
                throw new ArgumentException("event scores need one row per event: train the model with --layout fixed-slots or --layout l1.");
            }

            // CSV scores stream chunk by chunk in bounded memory; a Parquet file is written whole.
            bool parquet = outputPath.EndsWith(".parquet", StringComparison.OrdinalIgnoreCase);
            IEnumerable<ModelInput> chunks = ModelInput.PrepareChunks(manifest, inputPath, format, channel, allowDrop, missing, bytesRead, rowsPerChunk, eventsPerChunk);
            int events = 0;
            IReadOnlyList<string> scoreNames = [];
            DroppedObjects? dropped = null;
            IEnumerable<FeatureTable> scored = chunks.Select(chunk =>
            {
                EventScores scores = fixedPoint is not null
                    ? new EventScores(FixedPointScorer.ReconstructionScores(fixedPoint, chunk.Normalised, chunk.Mask), null,
                        fixedPoint.Weights.IsVariational ? FixedPointScorer.LatentScores(fixedPoint, chunk.Normalised) : null)
                    : native is null
                        ? AnomalyScorer.Score(model, chunk.Normalised, chunk.Mask)
                        : NativeAnomalyScorer.Score(native, chunk.Normalised, chunk.Mask, threads);
                FeatureTable rows = ScoreRows(scores, chunk, multiplicityColumn, out scoreNames);
                events = checked(events + rows.RowCount);
                if (chunk.Input.Dropped is { } d)
                {
                    dropped = dropped is null ? d : dropped.Plus(d);
                }

                return rows;
            });
            if (parquet)
            {
                ParquetTableWriter.Write(outputPath, Join([.. scored]));
            }
            else
            {
                // Scores are float32 sums at heart: their shortest float text, not 17 digits of noise.
                CsvTableWriter.WriteChunks(outputPath, ReadAhead.Of(scored), featureFormats: new Dictionary<string, string>
                {
                    ["score_recon"] = CsvTableWriter.Float32Format,
                    ["score_kl"] = CsvTableWriter.Float32Format,
                    ["score_rz"] = CsvTableWriter.Float32Format,
                });
            }

            return new ScoreOutcome(events, scoreNames, dropped, fixedPoint is not null ? ScoreEngine.FixedPoint : native is null ? ScoreEngine.Torch : ScoreEngine.Native);
        }
    }

    // The fixed-point emulation of the model's stored types; a model without them says how to make them.
    private static FixedPointAutoencoder FixedPointFor(IAutoencoder model, string modelDirectory)
    {
        FixedPointConfig config = FixedPointModelFile.Read(modelDirectory)
            ?? throw new ArgumentException($"{modelDirectory} has no {FixedPointModelFile.FileName}: write one with `sieve quantize-model --model {modelDirectory} --precision 'ap_fixed<16,6>' --out DIR` and score with that directory.");
        AutoencoderWeights weights = AutoencoderWeightsExport.TryFrom(model)
            ?? throw new ArgumentException($"fixed-point emulation covers dense autoencoders and VAEs; this model is a {model.GetType().Name}.");
        return FixedPointAutoencoder.Create(weights, config);
    }

    // The native kernels for a dense model unless torch is asked for; a model they cannot run is an error only when they were asked for by name.
    private static NativeAutoencoder? NativeFor(IAutoencoder model, ScoreEngine engine)
    {
        if (engine == ScoreEngine.Torch)
        {
            return null;
        }

        AutoencoderWeights? weights = AutoencoderWeightsExport.TryFrom(model);
        if (weights is null && engine == ScoreEngine.Native)
        {
            throw new ArgumentException($"the native engine runs dense autoencoders only; this model is a {model.GetType().Name}: use --engine torch.");
        }

        return weights is null ? null : new NativeAutoencoder(weights);
    }

    // One chunk's scores file rows: id, process, the scores, weight and multiplicity.
    private static FeatureTable ScoreRows(EventScores scores, ModelInput prepared, string? multiplicityColumn, out IReadOnlyList<string> scoreNames)
    {
        FeatureTable table = prepared.Input.Table;
        var names = new List<string> { "score_recon" };
        var columns = new List<double[]> { scores.Recon };
        // KL and R_z where the engine gives them (fixed-point emulation forms R_z, not KL).
        if (scores.Kl is { } kl)
        {
            names.Add("score_kl");
            columns.Add(kl);
        }

        if (scores.Rz is { } rz)
        {
            names.Add("score_rz");
            columns.Add(rz);
        }

        scoreNames = [.. names];
        names.AddRange([WeightColumn, MultiplicityColumn]);
        columns.Add(Weights(table, prepared.Input.FirstRow));
        columns.Add(prepared.Input.Shape.Dims.Count == 3 && multiplicityColumn is null ? LitPixels(table) : Multiplicity(table, prepared.Mask, multiplicityColumn));

        var values = new double[table.RowCount * names.Count];
        for (int r = 0; r < table.RowCount; r++)
        {
            for (int c = 0; c < names.Count; c++)
            {
                values[(r * names.Count) + c] = columns[c][r];
            }
        }

        long firstRow = prepared.Input.FirstRow;
        SideChannel ids = new(IdColumn, Text(table, ["event_id", "eventid", "id", "index", "orig_index"])
            ?? [.. Enumerable.Range(0, table.RowCount).Select(i => (firstRow + i).ToString(CultureInfo.InvariantCulture))]);
        SideChannel processes = new(ProcessColumn, Text(table, ["process_id", "process", "label", "processid"]) ?? [.. Enumerable.Repeat(string.Empty, table.RowCount)]);
        return new FeatureTable(names, values, table.RowCount, [ids, processes], [IdColumn, ProcessColumn, .. names]);
    }

    // The chunks' rows as one table (for the formats written whole).
    private static FeatureTable Join(List<FeatureTable> parts)
    {
        FeatureTable first = parts[0];
        int rows = parts.Sum(p => p.RowCount);
        return new FeatureTable(first.FeatureNames, [.. parts.SelectMany(p => p.Values)], rows,
            [.. first.SideChannels.Select((c, i) => new SideChannel(c.Name, [.. parts.SelectMany(p => p.SideChannels[i].Values)]))], first.ColumnOrder);
    }

    private static IReadOnlyList<string>? Text(FeatureTable table, string[] candidates)
    {
        foreach (string name in candidates)
        {
            if (table.SideChannels.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase)) is { } channel)
            {
                return channel.Values;
            }
        }

        return null;
    }

    private static double[] Weights(FeatureTable table, long firstRow)
    {
        IReadOnlyList<string>? text = Text(table, ["weight", "event_weight"]);
        if (text is null)
        {
            return [.. Enumerable.Repeat(1.0, table.RowCount)];
        }

        return [.. text.Select((t, i) => double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out double w) && double.IsFinite(w)
            ? w
            : throw new InvalidDataException($"row {firstRow + i + 1}: weight '{t}' is not a finite number."))];
    }

    // An image's multiplicity is its number of lit (non-zero) pixels: what the score of a sparse image
    // follows as an event's object count does.
    private static double[] LitPixels(FeatureTable table)
    {
        var result = new double[table.RowCount];
        ReadOnlySpan<double> values = table.Values;
        for (int r = 0; r < table.RowCount; r++)
        {
            int lit = 0;
            foreach (double v in values.Slice(r * table.FeatureCount, table.FeatureCount))
            {
                lit += v != 0 ? 1 : 0;
            }

            result[r] = lit;
        }

        return result;
    }

    // Multiplicity: a named column; else the objects in a slot layout (present slots without MET);
    // else the number of present features of a table row.
    private static double[] Multiplicity(FeatureTable table, float[]? mask, string? column)
    {
        string? name = column ?? table.FeatureNames.Concat(table.SideChannels.Select(c => c.Name))
            .FirstOrDefault(n => n.Contains("jet_num", StringComparison.OrdinalIgnoreCase) || n.Equals("multiplicity", StringComparison.OrdinalIgnoreCase));
        if (name is not null)
        {
            int f = table.IndexOf(name);
            if (f >= 0)
            {
                return table.Column(f);
            }

            IReadOnlyList<string> text = Text(table, [name]) ?? throw new ArgumentException($"multiplicity column '{name}' is not in the input.");
            return [.. text.Select(t => double.Parse(t, NumberStyles.Float, CultureInfo.InvariantCulture))];
        }

        int features = table.FeatureCount;
        bool slots = table.SideChannels.Any(c => c.Name == FixedSlotLayout.CountsChannel || c.Name == Level1Layout.KindsChannel);
        var result = new double[table.RowCount];
        for (int r = 0; r < table.RowCount; r++)
        {
            double present = features;
            if (mask is not null)
            {
                present = 0;
                for (int k = 0; k < features; k++)
                {
                    present += mask[(r * features) + k];
                }
            }

            result[r] = slots ? (present / 3) - 1 : present; // slot layouts: (pT, eta, phi) per slot, MET always present
        }

        return result;
    }
}
