using System.Diagnostics;
using Sieve.Core.Events;
using Sieve.Core.Layouts;
using Sieve.Core.Metrics.Generation;
using Sieve.Core.Normalisation;
using Sieve.Core.Tables;
using Sieve.IO.DarkMachines;
using Sieve.IO.Tables;
using Sieve.Models.Autoencoders;
using Sieve.Models.Checkpoints;

namespace Sieve.Pipeline.Generation;

/// <summary>
/// generate: a VAE as a generative model. Latents z ~ N(0, T^2 I) (the prior), ~ a Gaussian fitted
/// to a reference file's encoded means, or ~ the reference's aggregate posterior -> decoder -> inverse
/// normalisation -> rows in the units of the training input, written in one atomic step.
/// </summary>
/// <remarks>
/// The slot layouts learn presence only from the <c>counts</c> side channel (their loss is masked, so a
/// decoded empty slot is unconstrained). Drawn from the aggregate posterior, each latent belongs to a
/// reference event whose counts it was encoded with, and the rows become DarkMachines-format events
/// (<see cref="GeneratedEvents"/>); from the prior or the fitted Gaussian there are no counts and the rows
/// are written as the layout's table (CSV) with a note. Per-object rows carry no event grouping and are
/// always written as the table.
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
            var random = new Random(request.Seed);
            Draws draws = request.Source switch
            {
                LatentSource.Prior => new Draws(new GaussianFit(new double[model.LatentSize], Identity(model.LatentSize)).Sample(request.Count, random, request.Temperature), null, null),
                LatentSource.Fitted => FittedLatents(model, manifest, request.ReferencePath!, random, request),
                _ => PosteriorLatents(model, manifest, request.ReferencePath!, random, request),
            };

            float[] latents = [.. draws.Latents.Select(v => (float)v)];
            float[] normalised = BatchInference.Decode(model, latents, rowsDone); // (N, Z) -> (N, F)
            double[] values = manifest.Normaliser.Inverse(normalised);
            for (int i = 0; i < values.Length; i++)
            {
                // The decoder's output is float32: its shortest text, not the noise of the float -> double conversion.
                values[i] = PrintedPrecision.Float32Shortest(values[i]);
            }

            IReadOnlyList<string> names = manifest.Schema.FeatureNames;
            LayoutKind layout = manifest.Schema.Layout;
            bool events = InputLoader.IsEventFormat(manifest.Schema.Format);
            if (events && GeneratedEvents.Supports(layout) && draws.Reference is { } reference)
            {
                List<Event> generated = GeneratedEvents.From(layout, names, values, reference, draws.DrawnFrom!, out long clipped);
                DarkMachinesWriter.Write(request.OutputPath, generated);
                string note = $"each event takes its object counts and kinds (and lepton charges) from the reference event its latent was drawn around; process '{GeneratedEvents.ProcessId}', weight 1."
                              + (clipped > 0 ? $" {clipped:N0} negative pT/E/MET values from the decoder were set to 0." : string.Empty);
                return Outcome(request, manifest, model.LatentSize, names, "events (DarkMachines format)", note, clock);
            }

            var table = new FeatureTable(names, values, request.Count, [], names);
            CsvTableWriter.Write(request.OutputPath, table);
            (string kind, string? rowsNote) = Describe(manifest.Schema);
            return Outcome(request, manifest, model.LatentSize, names, kind, rowsNote, clock);
        }
    }

    private static GenerateOutcome Outcome(GenerateRequest request, ModelManifest manifest, int latentSize, IReadOnlyList<string> names, string kind, string? note, Stopwatch clock) =>
        new(request.OutputPath, request.Count, names, kind, request.Source.ToString().ToLowerInvariant(), latentSize, request.Seed,
            request.Temperature, manifest.WeightsSha256, note, clock.Elapsed.TotalSeconds);

    // Encode the reference (read and normalised exactly as the model's training input) and fit its latent means.
    private static Draws FittedLatents(IAutoencoder model, ModelManifest manifest, string referencePath, Random random, GenerateRequest request)
    {
        ManifestAndInput reference = Reference(manifest, referencePath);
        float[] mu = BatchInference.Encode(model, reference.Features); // (N, F) -> (N, Z)
        int z = model.LatentSize;
        var sample = new SampleMatrix([.. Enumerable.Range(0, z).Select(i => $"z{i}")], [.. mu.Select(v => (double)v)], mu.Length / z);
        return new Draws(GaussianFit.Of(sample).Sample(request.Count, random, request.Temperature), null, null);
    }

    // The aggregate posterior: a reference event at random, then z ~ N(mu, (T sigma)^2) of that event.
    private static Draws PosteriorLatents(IAutoencoder model, ModelManifest manifest, string referencePath, Random random, GenerateRequest request)
    {
        ManifestAndInput reference = Reference(manifest, referencePath);
        (float[] mu, float[] logVariance) = BatchInference.EncodeGaussian(model, reference.Features);
        int z = model.LatentSize, rows = mu.Length / z;
        if (rows == 0)
        {
            throw new ArgumentException($"{referencePath}: no rows to draw latents around.");
        }

        var drawnFrom = new int[request.Count];
        for (int i = 0; i < drawnFrom.Length; i++)
        {
            drawnFrom[i] = random.Next(rows);
        }

        // Unit normal draws from the same seeded generator, one row of Z per event.
        double[] eps = new GaussianFit(new double[z], Identity(z)).Sample(request.Count, random);
        var latents = new double[request.Count * z];
        for (int i = 0; i < request.Count; i++)
        {
            int r = drawnFrom[i];
            for (int k = 0; k < z; k++)
            {
                double sigma = Math.Exp(0.5 * logVariance[(r * z) + k]);
                latents[(i * z) + k] = mu[(r * z) + k] + (request.Temperature * sigma * eps[(i * z) + k]);
            }
        }

        return new Draws(latents, reference.Table, drawnFrom);
    }

    // Read and normalise a reference exactly as the model's training input.
    private static ManifestAndInput Reference(ModelManifest manifest, string referencePath)
    {
        InputFormat format = manifest.Schema.Format;
        bool events = InputLoader.IsEventFormat(format);
        var input = new InputRequest(referencePath, format, events ? null : manifest.Schema.FeatureNames, manifest.Schema.EnergyUnit,
            Layout: manifest.Schema.Layout, AllowDrop: true);
        LoadedInput loaded = InputLoader.Load(input);
        manifest.Normaliser.CheckMatches(loaded.Table);
        float[]? mask = loaded.Mask is { } m ? [.. m.Select(v => (float)v)] : null;
        return new ManifestAndInput(loaded.Table, TableNormalisation.Apply(manifest.Normaliser, loaded, referencePath, mask));
    }

    private static (string Kind, string? Note) Describe(InputSchema schema)
    {
        if (!InputLoader.IsEventFormat(schema.Format))
        {
            return ("events", null);
        }

        return schema.Layout == LayoutKind.PerObject
            ? ("objects", "the model reads one object per row (E, pt, eta, phi); generated objects belong to no event and have no kind, so they are written as that table, not as DarkMachines events.")
            : ("slot rows", $"the {schema.Layout} layout learns which slots hold an object only from the counts side channel (its loss ignores empty slots), so rows drawn from the prior or a fitted Gaussian are written as the layout's table (GeV); --latent posterior --reference FILE gives DarkMachines events.");
    }

    // Latent draws, and for the posterior the reference rows they were drawn around.
    private sealed record Draws(double[] Latents, FeatureTable? Reference, int[]? DrawnFrom);

    private sealed record ManifestAndInput(FeatureTable Table, float[] Features);

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
