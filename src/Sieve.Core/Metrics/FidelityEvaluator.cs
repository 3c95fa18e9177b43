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
    public static FidelityEvaluation Evaluate(FeatureTable original, FeatureTable reconstructed, FidelityOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(original);
        ArgumentNullException.ThrowIfNull(reconstructed);
        options ??= FidelityOptions.Default;
        if (!(options.EnergyScaleToGeV > 0) || double.IsInfinity(options.EnergyScaleToGeV))
        {
            throw new ArgumentException($"EnergyScaleToGeV is {options.EnergyScaleToGeV}; it must be a positive finite factor (1 for GeV tables, 0.001 for MeV tables).", nameof(options));
        }

        CheckSameShape(original, reconstructed);

        int rows = original.RowCount;
        int features = original.FeatureCount;
        var variables = new List<VariableFidelity>(features);
        var residuals = new List<VariableResiduals>(features);
        var notes = new List<string>
        {
            Invariant($"Energy unit: 1 table unit = {options.EnergyScaleToGeV:G6} GeV."),
            "Residual = reco - true (phi wrapped into (-pi, pi]); relative residual = (reco - true) / true for E, pT, m; iqr_width = (Q75 - Q25) / 1.349; std is the population standard deviation.",
        };

        for (int f = 0; f < features; f++)
        {
            string name = original.FeatureNames[f];
            VariableKind kind = options.Kinds.Classify(name);
            double[] truth = original.Column(f);
            double[] reco = reconstructed.Column(f);

            // Cells the original marks as missing have no true value: they are left out, and counted.
            bool[] present = [.. truth.Select(t => options.MissingMarker is not { } marker || !MissingValues.IsMissing(t, marker))];
            int missing = present.Count(p => !p);
            if (missing > 0)
            {
                notes.Add(Invariant($"{name}: {missing} of {rows} cells are missing in the original (marker {options.MissingMarker:G6}) and were left out."));
            }

            var residualList = new List<double>(rows);
            for (int r = 0; r < rows; r++)
            {
                if (present[r])
                {
                    double d = reco[r] - truth[r];
                    residualList.Add(kind == VariableKind.Angle ? Kinematics.WrapPhi(d) : d);
                }
            }

            double[] residual = [.. residualList];

            NoteNaNs(notes, name, "residual", residual);
            SummaryStatistics residualStats = SummaryStatistics.FromValues(residual);
            if (kind != VariableKind.EnergyLike)
            {
                variables.Add(new VariableFidelity(name, kind, residualStats));
                residuals.Add(new VariableResiduals(name, kind, residual, null));
                continue;
            }

            double minimum = options.RelativeMinimumFor(name);
            var relative = new List<double>(rows);
            for (int r = 0; r < rows; r++)
            {
                if (present[r] && Math.Abs(truth[r]) > minimum)
                {
                    relative.Add((reco[r] - truth[r]) / truth[r]);
                }
            }

            double[] relativeValues = [.. relative];
            NoteNaNs(notes, name, "relative residual", relativeValues);
            string selection = Invariant($"{name} > {minimum * options.EnergyScaleToGeV:G6} GeV");
            variables.Add(new VariableFidelity(
                name, kind, residualStats, SummaryStatistics.FromValues(relativeValues), selection, minimum, relativeValues.Length));
            residuals.Add(new VariableResiduals(name, kind, residual, relativeValues));
        }

        var report = new FidelityReport
        {
            Rows = rows,
            EnergyScaleToGeV = options.EnergyScaleToGeV,
            Variables = variables,
            Notes = notes,
        };
        return new FidelityEvaluation(report, residuals);
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

    private static void NoteNaNs(List<string> notes, string name, string what, double[] values)
    {
        int nan = 0;
        foreach (double v in values)
        {
            if (double.IsNaN(v))
            {
                nan++;
            }
        }

        if (nan > 0)
        {
            notes.Add(Invariant($"{name}: {nan} of {values.Length} {what} values are NaN and were left out of the statistics."));
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
