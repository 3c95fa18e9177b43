using Sieve.Core.Metrics;
using Sieve.Core.Tables;

namespace Sieve.Core.Normalisation;

/// <summary>Fits a <see cref="FeatureNormaliser"/> on a training table (never on test data).</summary>
public static class NormaliserFitter
{
    /// <summary>
    /// Fits the normaliser. <paramref name="energyScaleToGeV"/> converts the table's energy unit to
    /// GeV (1 for GeV, 0.001 for MeV) for the jet normalisation's fixed constants.
    /// </summary>
    public static FeatureNormaliser Fit(NormalisationKind kind, FeatureTable training, double energyScaleToGeV)
    {
        ArgumentNullException.ThrowIfNull(training);
        if (training.RowCount == 0)
        {
            throw new ArgumentException("cannot fit a normaliser on an empty training set.", nameof(training));
        }

        var transforms = new List<FeatureTransform>(training.FeatureCount);
        for (int f = 0; f < training.FeatureCount; f++)
        {
            string name = training.FeatureNames[f];
            bool periodic = VariableRoles.Classify(name) == VariableKind.Angle;
            FeatureTransform? fixedTransform = kind == NormalisationKind.Jet ? JetTransform(name, energyScaleToGeV) : null;
            transforms.Add(kind switch
            {
                NormalisationKind.None => new FeatureTransform(name, TransformFunction.Identity, 1, 0, 1, periodic),
                NormalisationKind.Jet when fixedTransform is not null => fixedTransform,
                NormalisationKind.LogZScore when !periodic && training.Column(f).All(v => v >= 0) => LogZScore(name, training.Column(f)),
                _ => ZScore(name, training.Column(f), periodic),
            });
        }

        return new FeatureNormaliser(kind, transforms);
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
