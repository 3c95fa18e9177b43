namespace Sieve.Core.Metrics.Generation;

/// <summary>
/// Per-feature W1 with a bootstrap error, as JetNet's <c>w1m</c>/<c>w1p</c>: draw rows with
/// replacement from both samples, measure W1 of every feature, repeat; report mean and spread.
/// Seeded: the same samples and options give the same numbers.
/// </summary>
public static class W1Bootstrap
{
    /// <summary>W1 of every feature of <paramref name="reference"/> against <paramref name="generated"/> (same features, by position).</summary>
    public static IReadOnlyList<W1Estimate> PerFeature(SampleMatrix reference, SampleMatrix generated, BootstrapOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(generated);
        options ??= new BootstrapOptions();
        options.Validate();
        if (reference.Features != generated.Features)
        {
            throw new ArgumentException($"the reference has {reference.Features} features and the generated sample {generated.Features}; W1 compares the same features.");
        }

        if (reference.Rows == 0 || generated.Rows == 0)
        {
            throw new ArgumentException("W1 needs at least one row in each sample.");
        }

        int f = reference.Features;
        int size = options.SizeFor(reference.Rows, generated.Rows);
        var random = new Random(options.Seed);
        var perBatch = new double[options.Batches, f];
        var indices = new int[size];
        for (int b = 0; b < options.Batches; b++)
        {
            SampleMatrix r = reference.Select(Draw(random, reference.Rows, indices));
            SampleMatrix g = generated.Select(Draw(random, generated.Rows, indices));
            for (int j = 0; j < f; j++)
            {
                perBatch[b, j] = Wasserstein.Distance(r.Column(j), g.Column(j));
            }
        }

        var result = new W1Estimate[f];
        for (int j = 0; j < f; j++)
        {
            double mean = 0;
            for (int b = 0; b < options.Batches; b++)
            {
                mean += perBatch[b, j];
            }

            mean /= options.Batches;
            double variance = 0;
            for (int b = 0; b < options.Batches; b++)
            {
                variance += (perBatch[b, j] - mean) * (perBatch[b, j] - mean);
            }

            double full = Wasserstein.Distance(reference.Column(j), generated.Column(j));
            result[j] = new W1Estimate(reference.Names[j], full, mean, Math.Sqrt(variance / options.Batches));
        }

        return result;
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
