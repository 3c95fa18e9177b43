namespace Sieve.Core.Metrics.Generation;

/// <summary>
/// FPD as JetNet defines it: the Fréchet distance of Gaussians fitted to the reference's and the
/// generated sample's feature vectors is biased upwards at finite N (by ~1/N), so it is measured on
/// resamples of several sizes N, averaged per N, fitted with a + b / N (a, b >= 0) and reported as
/// the intercept a (the value at N -> infinity) with its fit error. Seeded.
/// </summary>
public static class FrechetPhysicsDistance
{
    /// <summary>FPD of <paramref name="generated"/> against <paramref name="reference"/> (same features, by position).</summary>
    public static FpdResult Compute(SampleMatrix reference, SampleMatrix generated, FpdOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(generated);
        options ??= new FpdOptions();
        options.Validate();
        if (reference.Features != generated.Features)
        {
            throw new ArgumentException($"the reference has {reference.Features} features and the generated sample {generated.Features}; FPD compares the same features.");
        }

        (int min, int max) = options.RangeFor(reference.Rows, generated.Rows);
        if (min < 2 || max <= min)
        {
            throw new ArgumentException($"FPD needs samples of at least 5 rows each (got {reference.Rows} and {generated.Rows}).");
        }

        SampleMatrix x = reference, y = generated;
        if (options.Normalise)
        {
            double[] scale = MaxAbs(reference);
            x = Scaled(reference, scale);
            y = Scaled(generated, scale);
        }

        // Sizes at regular intervals in 1/N, truncated to integers as JetNet does.
        int points = options.Points;
        var sizes = new int[points];
        var inverse = new double[points];
        var means = new double[points];
        double start = 1.0 / min, stop = 1.0 / max, step = (stop - start) / (points - 1);
        for (int p = 0; p < points; p++)
        {
            // np.linspace's arithmetic (start + p * step, the last point exactly stop): the same sizes to the row.
            double t = p == points - 1 ? stop : start + (p * step);
            sizes[p] = (int)(1 / t);
            inverse[p] = 1.0 / sizes[p];
        }

        var random = new Random(options.Seed);
        for (int p = 0; p < points; p++)
        {
            var indices = new int[sizes[p]];
            double sum = 0;
            for (int b = 0; b < options.Batches; b++)
            {
                SampleMatrix rx = x.Select(Draw(random, x.Rows, indices));
                SampleMatrix ry = y.Select(Draw(random, y.Rows, indices));
                sum += FrechetDistance.Of(rx, ry);
            }

            means[p] = sum / options.Batches;
        }

        LineFit fit = LineFit.NonNegative(inverse, means);
        return new FpdResult(fit.Intercept, fit.InterceptError, sizes, means, options.Normalise);
    }

    // Largest |value| per feature of the reference; 1 for an all-zero feature (left as it is).
    private static double[] MaxAbs(SampleMatrix sample)
    {
        var max = new double[sample.Features];
        for (int r = 0; r < sample.Rows; r++)
        {
            for (int j = 0; j < sample.Features; j++)
            {
                max[j] = Math.Max(max[j], Math.Abs(sample.Values[(r * sample.Features) + j]));
            }
        }

        for (int j = 0; j < max.Length; j++)
        {
            max[j] = max[j] == 0 ? 1 : max[j];
        }

        return max;
    }

    private static SampleMatrix Scaled(SampleMatrix sample, double[] scale)
    {
        var values = new double[sample.Values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = sample.Values[i] / scale[i % scale.Length];
        }

        return new SampleMatrix(sample.Names, values, sample.Rows);
    }

    private static int[] Draw(Random random, int rows, int[] indices)
    {
        for (int k = 0; k < indices.Length; k++)
        {
            indices[k] = random.Next(rows);
        }

        return indices;
    }
}
