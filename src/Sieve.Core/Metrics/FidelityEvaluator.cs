using System.Globalization;
using Sieve.Core.Events;
using Sieve.Core.Tables;

namespace Sieve.Core.Metrics;

/// <summary>Compares a reconstruction with the original, feature by feature.</summary>
public static class FidelityEvaluator
{
    /// <summary>
    /// Residual statistics per feature: reco - true (phi wrapped into (-pi, pi]) over all rows and,
    /// for energy-like features (E, pT, m), (reco - true) / true over rows with |true| above
    /// <see cref="FidelityOptions.RelativeMinimumFor"/>. NaN residuals are left out of the
    /// statistics and counted in the notes.
    /// </summary>
    /// <exception cref="ArgumentException">The tables differ in rows, feature count or feature names.</exception>
    public static FidelityEvaluation Evaluate(FeatureTable original, FeatureTable reconstructed, FidelityOptions? options = null) =>
        Evaluate([(original, reconstructed)], options);

    /// <summary>
    /// The same comparison over a table read in chunks (pairs of chunks with the same rows), in
    /// bounded memory: each feature's residuals are a <see cref="ResidualSample"/> of at most
    /// <paramref name="capacity"/> kept values (exact moments and extremes; quantiles and plots from
    /// a uniform sample past the capacity, said in the notes). Up to the capacity the result is that
    /// of the whole tables.
    /// </summary>
    /// <exception cref="ArgumentException">A pair of chunks differs in rows, feature count or feature names, or there are none.</exception>
    public static FidelityEvaluation Evaluate(IEnumerable<(FeatureTable Original, FeatureTable Reconstructed)> chunks, FidelityOptions? options = null,
        int capacity = ResidualSample.DefaultCapacity)
    {
        ArgumentNullException.ThrowIfNull(chunks);
        options ??= FidelityOptions.Default;
        if (!(options.EnergyScaleToGeV > 0) || double.IsInfinity(options.EnergyScaleToGeV))
        {
            throw new ArgumentException($"EnergyScaleToGeV is {options.EnergyScaleToGeV}; it must be a positive finite factor (1 for GeV tables, 0.001 for MeV tables).", nameof(options));
        }

        IReadOnlyList<string>? names = null;
        VariableKind[] kinds = [];
        ResidualSample[] residuals = [];
        ResidualSample?[] relatives = [];
        long[] missing = [];
        long rows = 0;
        foreach ((FeatureTable original, FeatureTable reconstructed) in chunks)
        {
            ArgumentNullException.ThrowIfNull(original);
            ArgumentNullException.ThrowIfNull(reconstructed);
            CheckSameShape(original, reconstructed);
            if (names is null)
            {
                names = original.FeatureNames;
                kinds = [.. names.Select(options.Kinds.Classify)];
                residuals = [.. names.Select((_, f) => new ResidualSample(capacity, seed: (2 * f) + 1))];
                relatives = [.. kinds.Select((k, f) => k == VariableKind.EnergyLike ? new ResidualSample(capacity, seed: (2 * f) + 2) : null)];
                missing = new long[names.Count];
            }
            else if (!names.SequenceEqual(original.FeatureNames, StringComparer.Ordinal))
            {
                throw new ArgumentException($"a chunk has the features {string.Join(", ", original.FeatureNames)}, not the first chunk's {string.Join(", ", names)}.", nameof(chunks));
            }

            Accumulate(original, reconstructed, options, kinds, residuals, relatives, missing);
            rows += original.RowCount;
        }

        if (names is null)
        {
            throw new ArgumentException("there is no chunk to compare.", nameof(chunks));
        }

        var notes = new List<string>
        {
            Invariant($"Energy unit: 1 table unit = {options.EnergyScaleToGeV:G6} GeV."),
            "Residual = reco - true (phi wrapped into (-pi, pi]); relative residual = (reco - true) / true for E, pT, m; iqr_width = (Q75 - Q25) / 1.349; std is the population standard deviation.",
        };
        var variables = new List<VariableFidelity>(names.Count);
        var plotted = new List<VariableResiduals>(names.Count);
        for (int f = 0; f < names.Count; f++)
        {
            string name = names[f];
            if (missing[f] > 0)
            {
                notes.Add(Invariant($"{name}: {missing[f]} of {rows} cells are missing in the original (marker {options.MissingMarker:G6}) and were left out."));
            }

            NoteNaNs(notes, name, "residual", residuals[f]);
            NoteSampling(notes, name, "residuals", residuals[f]);
            SummaryStatistics residualStats = residuals[f].Summary();
            if (relatives[f] is not { } relative)
            {
                variables.Add(new VariableFidelity(name, kinds[f], residualStats));
                plotted.Add(new VariableResiduals(name, kinds[f], [.. residuals[f].Kept], null));
                continue;
            }

            double minimum = options.RelativeMinimumFor(name);
            NoteNaNs(notes, name, "relative residual", relative);
            NoteSampling(notes, name, "relative residuals", relative);
            string selection = Invariant($"{name} > {minimum * options.EnergyScaleToGeV:G6} GeV");
            variables.Add(new VariableFidelity(
                name, kinds[f], residualStats, relative.Summary(), selection, minimum, checked((int)(relative.Count + relative.NaNCount))));
            plotted.Add(new VariableResiduals(name, kinds[f], [.. residuals[f].Kept], [.. relative.Kept]));
        }

        var report = new FidelityReport
        {
            Rows = checked((int)rows),
            EnergyScaleToGeV = options.EnergyScaleToGeV,
            Variables = variables,
            Notes = notes,
        };
        return new FidelityEvaluation(report, plotted);
    }

    // One pair of chunks into the samples. Cells the original marks as missing have no true value:
    // they are left out, and counted.
    private static void Accumulate(FeatureTable original, FeatureTable reconstructed, FidelityOptions options, VariableKind[] kinds,
        ResidualSample[] residuals, ResidualSample?[] relatives, long[] missing)
    {
        for (int f = 0; f < original.FeatureCount; f++)
        {
            double[] truth = original.Column(f);
            double[] reco = reconstructed.Column(f);
            double minimum = options.RelativeMinimumFor(original.FeatureNames[f]);
            for (int r = 0; r < truth.Length; r++)
            {
                if (options.MissingMarker is { } marker && MissingValues.IsMissing(truth[r], marker))
                {
                    missing[f]++;
                    continue;
                }

                double d = reco[r] - truth[r];
                residuals[f].Add(kinds[f] == VariableKind.Angle ? Kinematics.WrapPhi(d) : d);
                if (relatives[f] is { } relative && Math.Abs(truth[r]) > minimum)
                {
                    relative.Add(d / truth[r]);
                }
            }
        }
    }

    private static void CheckSameShape(FeatureTable original, FeatureTable reconstructed)
    {
        if (original.RowCount != reconstructed.RowCount || original.FeatureCount != reconstructed.FeatureCount)
        {
            throw new ArgumentException(
                $"The reconstruction has {reconstructed.RowCount} rows x {reconstructed.FeatureCount} features but the original has {original.RowCount} rows x {original.FeatureCount} features; compare a reconstruction with the table it was made from.",
                nameof(reconstructed));
        }

        for (int f = 0; f < original.FeatureCount; f++)
        {
            if (!string.Equals(original.FeatureNames[f], reconstructed.FeatureNames[f], StringComparison.Ordinal))
            {
                throw new ArgumentException(
                    $"Feature {f} is '{original.FeatureNames[f]}' in the original but '{reconstructed.FeatureNames[f]}' in the reconstruction; both tables must list the same features in the same order.",
                    nameof(reconstructed));
            }
        }
    }

    private static void NoteNaNs(List<string> notes, string name, string what, ResidualSample values)
    {
        if (values.NaNCount > 0)
        {
            notes.Add(Invariant($"{name}: {values.NaNCount} of {values.Count + values.NaNCount} {what} values are NaN and were left out of the statistics."));
        }
    }

    private static void NoteSampling(List<string> notes, string name, string what, ResidualSample values)
    {
        if (values.IsSampled)
        {
            notes.Add(Invariant($"{name}: median, iqr_width and the histogram of the {what} come from a uniform sample of {values.Kept.Count} of {values.Count} values; count, mean, rms, std, min and max are exact."));
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
