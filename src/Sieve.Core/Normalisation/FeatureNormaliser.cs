using Sieve.Core.Tables;

namespace Sieve.Core.Normalisation;

/// <summary>
/// Per-feature normalisation of a (N, F) table, fitted on the training split only and stored with
/// the model (JSON). <see cref="Inverse"/> of <see cref="Transform"/> is the identity within float
/// tolerance (tested as a property).
/// </summary>
public sealed record FeatureNormaliser(NormalisationKind Kind, IReadOnlyList<FeatureTransform> Transforms)
{
    /// <summary>Number of features F.</summary>
    public int FeatureCount => Transforms.Count;

    /// <summary>
    /// Normalises row-major values (N, F) to float32 for the network. A value outside a transform's
    /// domain (e.g. pT &lt;= 0 under log10) raises <see cref="NormalisationException"/> naming the row
    /// and feature. Cells whose <paramref name="mask"/> is 0 become 0.
    /// </summary>
    public float[] Transform(ReadOnlySpan<double> values, ReadOnlySpan<float> mask = default)
    {
        int f = FeatureCount;
        if (values.Length % f != 0)
        {
            throw new ArgumentException($"{values.Length} values are not a whole number of rows of {f} features.", nameof(values));
        }

        var result = new float[values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            if (!mask.IsEmpty && mask[i] == 0)
            {
                continue; // padding or missing: neutral 0, never checked against the domain
            }

            FeatureTransform t = Transforms[i % f];
            double y = t.Apply(values[i]);
            if (!double.IsFinite(y) || Math.Abs(y) > float.MaxValue)
            {
                throw new NormalisationException(i / f, t.Feature, values[i], t.Domain);
            }

            result[i] = (float)y;
        }

        return result;
    }

    /// <summary>Maps normalised values (N, F) back to physical units.</summary>
    public double[] Inverse(ReadOnlySpan<float> normalised)
    {
        int f = FeatureCount;
        var result = new double[normalised.Length];
        for (int i = 0; i < normalised.Length; i++)
        {
            result[i] = Transforms[i % f].Invert(normalised[i]);
        }

        return result;
    }

    /// <summary>Checks that the normaliser's features are the table's, in order.</summary>
    public void CheckMatches(FeatureTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        string expected = string.Join(",", Transforms.Select(t => t.Feature));
        string actual = string.Join(",", table.FeatureNames);
        if (!string.Equals(expected, actual, StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException($"the model expects features [{expected}] but the input has [{actual}].");
        }
    }
}
