using Sieve.Core.Metrics;
using Sieve.Core.Tables;

namespace Sieve.Core.Normalisation;

/// <summary>Fits a <see cref="FeatureNormaliser"/> on a training table (never on test data).</summary>
public static class NormaliserFitter
{
    /// <summary>
    /// Fits the normaliser; with a presence mask (N, F) of the training table, only present cells
    /// enter the statistics. <paramref name="energyScaleToGeV"/> converts the table's energy unit to
    /// GeV (1 for GeV, 0.001 for MeV) for the jet normalisation's fixed constants.
    /// </summary>
    public static FeatureNormaliser Fit(NormalisationKind kind, FeatureTable training, double energyScaleToGeV, double[]? mask = null)
    {
        ArgumentNullException.ThrowIfNull(training);
        if (training.RowCount == 0)
        {
            throw new ArgumentException("cannot fit a normaliser on an empty training set.", nameof(training));
        }

        if (mask is not null && mask.Length != training.Values.Length)
        {
            throw new ArgumentException($"mask has {mask.Length} cells; the training table {training.Values.Length}.", nameof(mask));
        }

        var transforms = new List<FeatureTransform>(training.FeatureCount);
        if (kind == NormalisationKind.Image)
        {
            double largest = ImageScale(training);
            return new FeatureNormaliser(kind, [.. training.FeatureNames.Select(name => new FeatureTransform(name, TransformFunction.SignedLog10p1, 1, 0, largest, false))]);
        }

        for (int f = 0; f < training.FeatureCount; f++)
        {
            string name = training.FeatureNames[f];
            double[] column = Present(training, f, mask);
            bool periodic = VariableRoles.Classify(name) == VariableKind.Angle;
            FeatureTransform? fixedTransform = kind == NormalisationKind.Jet ? JetTransform(name, energyScaleToGeV) : null;
            transforms.Add(kind switch
            {
                NormalisationKind.None => new FeatureTransform(name, TransformFunction.Identity, 1, 0, 1, periodic),
                NormalisationKind.Jet when fixedTransform is not null => fixedTransform,
                NormalisationKind.LogZScore when !periodic && column.All(v => v >= 0) => LogZScore(name, column),
                _ => ZScore(name, column, periodic),
            });
        }

        return new FeatureNormaliser(kind, transforms);
    }

    // The largest log10(1 + |x|) of any pixel of the training images; 1 when all are empty.
    private static double ImageScale(FeatureTable training)
    {
        double largest = 0;
        foreach (double v in training.Values)
        {
            if (!double.IsFinite(v))
            {
                throw new ArgumentException("an image pixel is NaN or infinite; images must be finite to be normalised.");
            }

            largest = Math.Max(largest, Math.Log10(1 + Math.Abs(v)));
        }

        return largest > 0 ? largest : 1;
    }

    /// <summary>The fixed jet transform for a known variable name, or null for other names.</summary>
    public static FeatureTransform? JetTransform(string name, double energyScaleToGeV) => name.ToLowerInvariant() switch
    {
        "eta" => new FeatureTransform(name, TransformFunction.Identity, 1, 0, 5, false),
        "phi" => new FeatureTransform(name, TransformFunction.Identity, 1, 0, 3, true),
        "pt" or "e" => new FeatureTransform(name, TransformFunction.Log10, energyScaleToGeV, 1.3, 1.2, false),
        "m" => new FeatureTransform(name, TransformFunction.SignedLog10p1, energyScaleToGeV, 0, 1.8, false),
        _ => null,
    };

    // Statistics come from present cells only: padded slots and missing values would drag the mean
    // to zero and shrink the width, so that a rarely filled slot turned every real value into an outlier.
    private static double[] Present(FeatureTable table, int f, double[]? mask)
    {
        if (mask is null)
        {
            return table.Column(f);
        }

        var values = new List<double>(table.RowCount);
        for (int r = 0; r < table.RowCount; r++)
        {
            if (mask[(r * table.FeatureCount) + f] != 0)
            {
                values.Add(table[r, f]);
            }
        }

        return values.Count > 0 ? [.. values] : [0.0];
    }

    private static FeatureTransform LogZScore(string name, double[] column)
    {
        double[] logs = [.. column.Select(v => Math.Log10(1 + v))];
        FeatureTransform z = ZScore(name, logs, periodic: false);
        return z with { Function = TransformFunction.SignedLog10p1 };
    }

    private static FeatureTransform ZScore(string name, double[] column, bool periodic)
    {
        double mean = column.Average();
        double variance = column.Sum(v => (v - mean) * (v - mean)) / column.Length;
        double std = Math.Sqrt(variance);
        return new FeatureTransform(name, TransformFunction.Identity, 1, mean, std > 0 && double.IsFinite(std) ? std : 1, periodic);
    }
}
