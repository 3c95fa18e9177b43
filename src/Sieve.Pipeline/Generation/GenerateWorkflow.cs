using System.Diagnostics;
using Sieve.Core.Layouts;
using Sieve.Core.Metrics.Generation;
using Sieve.Core.Normalisation;
using Sieve.Core.Tables;
using Sieve.IO.Tables;
using Sieve.Models.Autoencoders;
using Sieve.Models.Checkpoints;

namespace Sieve.Pipeline.Generation;

/// <summary>
/// generate: a VAE as a generative model. Latents z ~ N(0, T^2 I) (the prior) or ~ a Gaussian fitted
/// to a reference file's encoded means -> decoder -> inverse normalisation -> rows in the units of the
/// training input, written as a CSV table in one atomic step.
/// </summary>
/// <remarks>
/// Event layouts are not turned back into events: the slot layouts learn presence only from the
/// <c>counts</c> side channel (their loss is masked, so a decoded empty slot is unconstrained), and
/// per-object rows carry no event grouping. The rows are written as the layout's table with a note.
/// </remarks>
public static class GenerateWorkflow
{
    /// <summary>Generates and writes; reports rows decoded so far to <paramref name="rowsDone"/>.</summary>
    public static GenerateOutcome Run(GenerateRequest request, IProgress<long>? rowsDone = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Validate();
        var clock = Stopwatch.StartNew();
        ModelManifest manifest = ModelCheckpoint.ReadManifest(request.ModelDirectory);
        if (manifest.Variational is null)
        {
            throw new ArgumentException($"{request.ModelDirectory} holds a plain autoencoder, which has no prior to sample; generate needs a VAE (`sieve train --vae ...`).");
        }

        (IAutoencoder model, _) = ModelCheckpoint.Load(request.ModelDirectory);
        using (model)
        {
            int z = model.LatentSize;
            var random = new Random(request.Seed);
            double[] draws = request.Source == LatentSource.Prior
                ? new GaussianFit(new double[z], Identity(z)).Sample(request.Count, random, request.Temperature)
                : FittedLatents(model, manifest, request.ReferencePath!).Sample(request.Count, random, request.Temperature);

            float[] latents = [.. draws.Select(v => (float)v)];
            float[] normalised = BatchInference.Decode(model, latents, rowsDone); // (N, Z) -> (N, F)
            double[] values = manifest.Normaliser.Inverse(normalised);
            for (int i = 0; i < values.Length; i++)
            {
                // The decoder's output is float32: its shortest text, not the noise of the float -> double conversion.
                values[i] = PrintedPrecision.Float32Shortest(values[i]);
            }

            IReadOnlyList<string> names = manifest.Schema.FeatureNames;
            var table = new FeatureTable(names, values, request.Count, [], names);
            CsvTableWriter.Write(request.OutputPath, table);
            (string kind, string? note) = Describe(manifest.Schema);
            return new GenerateOutcome(request.OutputPath, request.Count, names, kind, request.Source.ToString().ToLowerInvariant(), z, request.Seed,
                request.Temperature, manifest.WeightsSha256, note, clock.Elapsed.TotalSeconds);
        }
    }

    // Encode the reference (read and normalised exactly as the model's training input) and fit its latent means.
    private static GaussianFit FittedLatents(IAutoencoder model, ModelManifest manifest, string referencePath)
    {
        InputFormat format = manifest.Schema.Format;
        bool events = InputLoader.IsEventFormat(format);
        var input = new InputRequest(referencePath, format, events ? null : manifest.Schema.FeatureNames, manifest.Schema.EnergyUnit,
            Layout: manifest.Schema.Layout, AllowDrop: true);
        LoadedInput loaded = InputLoader.Load(input);
        manifest.Normaliser.CheckMatches(loaded.Table);
        float[]? mask = loaded.Mask is { } m ? [.. m.Select(v => (float)v)] : null;
        float[] features = TableNormalisation.Apply(manifest.Normaliser, loaded, referencePath, mask);
        float[] mu = BatchInference.Encode(model, features); // (N, F) -> (N, Z)
        int z = model.LatentSize;
        var sample = new SampleMatrix([.. Enumerable.Range(0, z).Select(i => $"z{i}")], [.. mu.Select(v => (double)v)], mu.Length / z);
        return GaussianFit.Of(sample);
    }

    private static (string Kind, string? Note) Describe(InputSchema schema)
    {
        if (!InputLoader.IsEventFormat(schema.Format))
        {
            return ("events", null);
        }

        return schema.Layout == LayoutKind.PerObject
            ? ("objects", "the model reads one object per row (E, pt, eta, phi); generated objects belong to no event and have no kind, so they are written as that table, not as DarkMachines events.")
            : ("slot rows", $"the {schema.Layout} layout learns which slots hold an object only from the counts side channel (its loss ignores empty slots), so the generated rows are written as the layout's table (GeV), not as DarkMachines events.");
    }

    private static double[] Identity(int n)
    {
        var m = new double[n * n];
        for (int i = 0; i < n; i++)
        {
            m[(i * n) + i] = 1;
        }

        return m;
    }
}
