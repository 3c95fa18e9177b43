using Sieve.Core.Selection;
using Sieve.Core.Tables;
using Sieve.Models.Checkpoints;

namespace Sieve.Pipeline;

/// <summary>
/// An input read the way a trained model expects it: same format, features, unit and layout;
/// missing cells filled as in training (with their positions kept as a side channel); normalised
/// with the model's normaliser; and the presence mask of padded slots or missing cells.
/// </summary>
/// <param name="Input">The loaded input (table with the missing-cells side channel when the model has a marker).</param>
/// <param name="Normalised">Normalised rows (N, F).</param>
/// <param name="Mask">Presence mask (N, F), or null when every cell is real.</param>
public sealed record ModelInput(LoadedInput Input, float[] Normalised, float[]? Mask)
{
    /// <summary>Reads and prepares <paramref name="path"/> for the model described by <paramref name="manifest"/>.</summary>
    /// <param name="allowDrop">Accept a slot layout that drops more than 1 % of the objects.</param>
    /// <param name="missing">The missing-value marker the user gave (--missing); it must be the model's, which applies either way.</param>
    /// <param name="bytesRead">Where to report the bytes of the file read so far.</param>
    public static ModelInput Prepare(ModelManifest manifest, string path, InputFormat? format = null, Channel? channel = null, bool allowDrop = false, double? missing = null,
        IProgress<long>? bytesRead = null)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        CheckMarker(manifest, missing);
        return FromLoaded(manifest, InputLoader.Load(Request(manifest, path, format, channel, allowDrop, bytesRead)), path);
    }

    /// <summary>
    /// <see cref="Prepare"/> chunk by chunk (<see cref="InputChunks"/>), in bounded memory: each chunk
    /// is filled, normalised and masked exactly as the whole input would be (the fills and the
    /// normaliser are the model's, fitted in training, so no chunk depends on another).
    /// </summary>
    public static IEnumerable<ModelInput> PrepareChunks(ModelManifest manifest, string path, InputFormat? format = null, Channel? channel = null, bool allowDrop = false,
        double? missing = null, IProgress<long>? bytesRead = null, int rowsPerChunk = InputChunks.RowsPerChunk, int eventsPerChunk = InputChunks.EventsPerChunk)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        CheckMarker(manifest, missing);
        return InputChunks.Read(Request(manifest, path, format, channel, allowDrop, bytesRead), rowsPerChunk, eventsPerChunk).Select(chunk => FromLoaded(manifest, chunk, path));
    }

    private static InputRequest Request(ModelManifest manifest, string path, InputFormat? format, Channel? channel, bool allowDrop, IProgress<long>? bytesRead) =>
        new(path, format ?? manifest.Schema.Format, manifest.Schema.FeatureNames, manifest.Schema.EnergyUnit, channel, Layout: manifest.Schema.Layout, AllowDrop: allowDrop)
        {
            BytesRead = bytesRead,
        };

    private static ModelInput FromLoaded(ModelManifest manifest, LoadedInput input, string path)
    {
        if (!input.Shape.SameAs(manifest.Schema.RowShape) && manifest.Schema.Shape is not null)
        {
            throw new InvalidDataException($"{path} gives rows of shape {input.Shape}, but the model reads rows of shape {manifest.Schema.RowShape}.");
        }

        if (input.Format != manifest.Schema.Format)
        {
            throw new InvalidDataException($"{path} is {input.Format} but the model was trained on {manifest.Schema.Format} input.");
        }

        double[]? mask = input.Mask;
        if (manifest.Missing is { } policy)
        {
            // Fill as in training and keep the positions of missing cells losslessly.
            MissingValueSplit filled = MissingValues.Split(input.Table, policy.Marker, policy.Fills);
            FeatureTable t = filled.Table;
            input = input with
            {
                Table = new FeatureTable(t.FeatureNames, t.Values, t.RowCount,
                    [.. t.SideChannels, MissingCellsChannel.Encode(filled.Mask, t.RowCount, t.FeatureCount)], t.ColumnOrder),
            };
            mask = filled.Mask;
        }

        manifest.Normaliser.CheckMatches(input.Table);
        float[]? presence = mask is null ? null : [.. mask.Select(m => (float)m)];
        float[] normalised = TableNormalisation.Apply(manifest.Normaliser, input, path, presence);
        return new ModelInput(input, normalised, presence);
    }

    // A model fills and masks missing cells as it was trained to; a different marker (or one for a
    // model trained without) would feed markers to the network as numbers, so it is refused.
    private static void CheckMarker(ModelManifest manifest, double? missing)
    {
        if (missing is not { } given)
        {
            return;
        }

        string text = given.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
        if (manifest.Missing is null)
        {
            throw new ArgumentException($"--missing {text}: the model was trained without a missing-value marker, so it would read {text} as a number; retrain with --missing {text}.");
        }

        if (!MissingValues.IsMissing(given, manifest.Missing.Marker))
        {
            throw new ArgumentException($"--missing {text}: the model was trained with --missing {manifest.Missing.Marker.ToString("R", System.Globalization.CultureInfo.InvariantCulture)}; give that marker (or none: the model's applies).");
        }
    }
}
