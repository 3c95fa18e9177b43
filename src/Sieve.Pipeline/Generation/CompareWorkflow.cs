using System.Text.Json;
using Sieve.Core.Metrics.Generation;
using Sieve.Core.Serialization;
using Sieve.Core.Tables;
using Sieve.IO;
using Sieve.Reports.AnomalyDetection;
using Sieve.Reports.Generation;

namespace Sieve.Pipeline.Generation;

/// <summary>
/// compare: a generated sample against a reference, with the field's metrics: W1 per feature with
/// JetNet's bootstrap error, FPD over all features (extrapolated to infinite N, with its error),
/// W1 of derived physics quantities; optionally compare.json, one histogram-with-ratio plot per
/// feature (PNG and SVG) and index.html.
/// </summary>
public static class CompareWorkflow
{
    /// <summary>Name of the JSON report in the output directory.</summary>
    public const string ReportFile = "compare.json";

    /// <summary>Measures (and writes, when an output directory is given).</summary>
    public static GenerationComparison Run(CompareRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        BootstrapOptions bootstrap = request.Bootstrap ?? new BootstrapOptions();
        FpdOptions fpd = request.Fpd ?? new FpdOptions();
        bootstrap.Validate();
        fpd.Validate();

        FeatureTable generatedTable = Load(request.GeneratedPath, request.Features, request);
        IReadOnlyList<string> features = request.Features ?? generatedTable.FeatureNames;
        FeatureTable referenceTable = Load(request.ReferencePath, features, request);
        SampleMatrix reference = Columns(referenceTable, features, request.ReferencePath);
        SampleMatrix generated = Columns(generatedTable, features, request.GeneratedPath);

        IReadOnlyList<W1Estimate> w1 = W1Bootstrap.PerFeature(reference, generated, bootstrap);
        var derived = new List<W1Estimate>();
        var derivedColumns = new List<(string Name, double[] Reference, double[] Generated)>();
        foreach (((string name, double[] r), (_, double[] g)) in DerivedQuantities.Of(reference).Zip(DerivedQuantities.Of(generated)))
        {
            var rs = new SampleMatrix([name], r, r.Length);
            var gs = new SampleMatrix([name], g, g.Length);
            derived.AddRange(W1Bootstrap.PerFeature(rs, gs, bootstrap));
            derivedColumns.Add((name, r, g));
        }

        FpdResult distance = FrechetPhysicsDistance.Compute(reference, generated, fpd);
        var comparison = new GenerationComparison(request.ReferencePath, request.GeneratedPath, reference.Rows, generated.Rows, w1, derived, distance, bootstrap, fpd);
        if (request.OutputDirectory is { } dir)
        {
            Write(dir, comparison, reference, generated, derivedColumns);
        }

        return comparison;
    }

    private static void Write(string dir, GenerationComparison comparison, SampleMatrix reference, SampleMatrix generated,
        List<(string Name, double[] Reference, double[] Generated)> derived)
    {
        Directory.CreateDirectory(dir);
        var figures = new List<(string Title, string File)>();
        var columns = reference.Names.Select((n, j) => (Name: n, Reference: reference.Column(j), Generated: generated.Column(j))).Concat(derived).ToList();
        foreach ((string name, double[] r, double[] g) in columns)
        {
            string stem = "compare-" + FileStem(name);
            foreach (PlotFormat format in new[] { PlotFormat.Png, PlotFormat.Svg })
            {
                byte[] bytes = ComparisonHistogram.Render(name, r, g, "reference vs generated", format);
                AtomicFile.WriteAllBytes(Path.Combine(dir, stem + (format == PlotFormat.Png ? ".png" : ".svg")), bytes);
            }

            figures.Add((name, stem + ".png"));
        }

        AtomicFile.WriteAllText(Path.Combine(dir, ReportFile), JsonSerializer.Serialize(comparison, SieveJson.Options));
        AtomicFile.WriteAllText(Path.Combine(dir, "index.html"), ComparisonPage.Html(comparison, figures));
    }

    private static string FileStem(string name) => new([.. name.Select(c => char.IsLetterOrDigit(c) ? c : '_')]);

    private static FeatureTable Load(string path, IReadOnlyList<string>? features, CompareRequest request)
    {
        InputFormat format = InputLoader.Detect(path);
        bool events = InputLoader.IsEventFormat(format);
        LoadedInput loaded = InputLoader.Load(new InputRequest(path, format, events ? null : features, Layout: request.Layout, AllowDrop: true));
        return loaded.Table;
    }

    private static SampleMatrix Columns(FeatureTable table, IReadOnlyList<string> features, string path)
    {
        int[] index = new int[features.Count];
        for (int j = 0; j < features.Count; j++)
        {
            index[j] = table.IndexOf(features[j]);
            if (index[j] < 0)
            {
                throw new Core.Errors.SieveDataException(path, null, features[j], "the feature is not in this file",
                    $"one of its features ({string.Join(", ", table.FeatureNames)}); choose the compared features with --features");
            }
        }

        var values = new double[table.RowCount * features.Count];
        for (int r = 0; r < table.RowCount; r++)
        {
            for (int j = 0; j < index.Length; j++)
            {
                values[(r * index.Length) + j] = table[r, index[j]];
            }
        }

        return new SampleMatrix(features, values, table.RowCount);
    }
}
