using System.Text.Json;
using Sieve.Compression.Archive;
using Sieve.Core.Normalisation;
using Sieve.Core.Serialization;
using Sieve.Core.Tables;

namespace Sieve.Pipeline;

/// <summary>
/// Quantised corrections on top of an autoencoder's output (compress --method ae with --target-rms
/// or --max-error): per cell an integer c with value = g^-1(g(decoded) + c * step), g and step from
/// the same quantiser --method quantize uses. With bounds every value meets its bound (c = 0 where
/// the decoder is already within half a step); with RMS targets c follows the trellis.
/// </summary>
public static class Corrections
{
    /// <summary>The corrections for <paramref name="decoded"/> (the decoder's output, row-major like the table) and their header entry.</summary>
    /// <param name="mask">(N, F) presence mask (slot padding, missing cells): absent cells keep the decoder's output and do not count; null when all are real.</param>
    public static (CorrectionEncoding Encoding, int[] Values) Fit(FeatureTable table, double[] decoded, IReadOnlyDictionary<string, string> targets,
        double energyScaleToGeV, bool maxError, Quantiser kind, string path, IReadOnlyList<float>? mask = null, Core.Metrics.VariableKinds? kinds = null,
        bool eventOutput = false)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(decoded);
        FeatureNormaliser quantiser = QuantizeWorkflow.Fit(table, targets, energyScaleToGeV, maxError, kinds);
        float[] symbols;
        if (maxError)
        {
            // Bounds: plain rounding with the step the bound allows; a correction of 0 where the
            // decoder's output already lies within half a step.
            symbols = new float[table.Values.Length];
            for (int f = 0; f < table.FeatureCount; f++)
            {
                (_, bool relative) = ErrorTarget.For(targets, table.FeatureNames[f], kinds);
                var column = new FeatureColumn(table, f, quantiser.Transforms[f], relative, energyScaleToGeV, Quantiser.Uniform, path, decoded, mask, kinds);
                double step = quantiser.Transforms[f].Scale;
                if (step < column.FinestStep)
                {
                    throw column.TooSmall("--max-error (corrections)", ErrorTarget.TextFor(targets, table.FeatureNames[f], kinds));
                }

                int[] indices = column.Rms(step).Indices;
                for (int r = 0; r < indices.Length; r++)
                {
                    symbols[(r * table.FeatureCount) + f] = indices[r];
                }
            }
        }
        else
        {
            (quantiser, symbols) = QuantizeWorkflow.FitSteps(quantiser, table, targets, energyScaleToGeV, kind, path, decoded, mask, kinds, eventOutput);
        }

        string target = (maxError ? "max_error: " : "target_rms: ") + ErrorTarget.ListText(targets);
        var encoding = new CorrectionEncoding(JsonSerializer.SerializeToNode(quantiser, SieveJson.Options)!,
            !maxError && kind == Quantiser.Trellis ? LatentQuantisation.Trellis : LatentQuantisation.Uniform, table.RowCount, table.FeatureCount, target);
        return (encoding, [.. symbols.Select(s => (int)s)]);
    }

    /// <summary>Applies stored corrections to the decoder's output (in place).</summary>
    public static void Apply(CorrectionEncoding encoding, double[] decoded, int[] corrections)
    {
        ArgumentNullException.ThrowIfNull(encoding);
        ArgumentNullException.ThrowIfNull(decoded);
        ArgumentNullException.ThrowIfNull(corrections);
        FeatureNormaliser quantiser = encoding.Quantiser.Deserialize<FeatureNormaliser>(SieveJson.Options)
            ?? throw new InvalidDataException("the archive's correction quantiser is missing from its header.");
        int dims = quantiser.Transforms.Count;
        if (dims != encoding.Dims || decoded.Length != corrections.Length || decoded.Length % dims != 0)
        {
            throw new InvalidDataException($"the corrections ({corrections.Length} values, {encoding.Dims} per row) do not match the decoder's output ({decoded.Length} values, quantiser of {dims} features).");
        }

        for (int i = 0; i < decoded.Length; i++)
        {
            FeatureTransform transform = quantiser.Transforms[i % dims];
            double baseline = (transform with { Scale = 1 }).Apply(decoded[i]);
            decoded[i] = transform.Invert((baseline / transform.Scale) + corrections[i]);
        }
    }
}
