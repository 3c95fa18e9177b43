using Sieve.Core.Metrics;
using Sieve.Core.Tables;

namespace Sieve.Core.Tests.Metrics;

public class FidelityEvaluatorTests
{
    internal static FeatureTable Table(string[] names, double[] values) =>
        new(names, values, values.Length / names.Length, [], names);

    [Fact]
    public void Phi_residual_is_wrapped()
    {
        // true phi 3.0, reco off by 2 pi - 0.01: the residual is -0.01, not 6.27.
        FeatureTable original = Table(["phi"], [3.0, -1.0]);
        FeatureTable reco = Table(["phi"], [3.0 + (2 * Math.PI) - 0.01, -1.0 - 0.01]);
        FidelityEvaluation result = FidelityEvaluator.Evaluate(original, reco);

        VariableFidelity phi = Assert.Single(result.Report.Variables);
        Assert.Equal(VariableKind.Angle, phi.Kind);
        Assert.Equal(-0.01, result.Residuals[0].Residual[0], 12);
        Assert.Equal(-0.01, phi.Residual.Mean, 12);
        Assert.Equal(0.01, phi.Residual.Rms, 12);
        Assert.Null(phi.RelativeResidual);
    }

    [Fact]
    public void Relative_residual_of_mass_excludes_rows_at_or_below_one_GeV()
    {
        // m = 0.5 and 1.0 GeV are excluded (threshold is strict), 2 and 4 GeV enter.
        FeatureTable original = Table(["m"], [0.5, 1.0, 2.0, 4.0]);
        FeatureTable reco = Table(["m"], [5.0, 7.0, 2.2, 3.6]);
        FidelityEvaluation result = FidelityEvaluator.Evaluate(original, reco);

        VariableFidelity m = result.Report.Variables[0];
        Assert.Equal(VariableKind.EnergyLike, m.Kind);
        Assert.Equal("m > 1 GeV", m.RelativeSelection);
        Assert.Equal(2, m.RelativeSelectedRows);
        Assert.NotNull(m.RelativeResidual);
        Assert.Equal(2, m.RelativeResidual.Count);
        Assert.Equal(0.0, m.RelativeResidual.Mean, 12); // +0.1 and -0.1
        Assert.Equal(0.1, m.RelativeResidual.Rms, 12);
        Assert.Equal([0.1, -0.1], result.Residuals[0].RelativeResidual!, (a, b) => Math.Abs(a - b) < 1e-12);
        Assert.Equal(4, m.Residual.Count); // the absolute residual uses every row
    }

    [Fact]
    public void Mass_threshold_follows_the_energy_scale()
    {
        // MeV table: 1 GeV = 1000 MeV, so 900 MeV is excluded and 1500 MeV enters.
        FeatureTable original = Table(["mass"], [900.0, 1500.0]);
        FeatureTable reco = Table(["mass"], [1000.0, 1650.0]);
        FidelityEvaluation result = FidelityEvaluator.Evaluate(original, reco, new FidelityOptions { EnergyScaleToGeV = 0.001 });

        VariableFidelity m = result.Report.Variables[0];
        Assert.Equal(1000.0, m.RelativeMinimum);
        Assert.Equal("mass > 1 GeV", m.RelativeSelection);
        Assert.Equal(1, m.RelativeSelectedRows);
        Assert.Equal(0.1, m.RelativeResidual!.Mean, 12);
    }

    [Fact]
    public void Pt_defaults_to_positive_and_options_override()
    {
        FeatureTable original = Table(["pt", "eta"], [0.0, 0.1, 10.0, 0.2, 40.0, -0.3]);
        FeatureTable reco = Table(["pt", "eta"], [1.0, 0.1, 11.0, 0.25, 42.0, -0.3]);

        VariableFidelity pt = FidelityEvaluator.Evaluate(original, reco).Report.Variables[0];
        Assert.Equal("pt > 0 GeV", pt.RelativeSelection);
        Assert.Equal(2, pt.RelativeSelectedRows); // the pT = 0 row would divide by zero

        var options = new FidelityOptions { RelativeMinimum = new Dictionary<string, double> { ["PT"] = 20.0 } };
        FidelityEvaluation result = FidelityEvaluator.Evaluate(original, reco, options);
        pt = result.Report.Variables[0];
        Assert.Equal("pt > 20 GeV", pt.RelativeSelection);
        Assert.Equal(1, pt.RelativeSelectedRows);
        Assert.Equal(0.05, pt.RelativeResidual!.Mean, 12);

        VariableFidelity eta = result.Report.Variables[1];
        Assert.Equal(VariableKind.Plain, eta.Kind);
        Assert.Equal(0.05 / 3, eta.Residual.Mean, 12);
        Assert.Null(eta.RelativeResidual);
        Assert.Null(eta.RelativeSelection);
    }

    [Fact]
    public void NaN_residuals_are_counted_in_the_notes()
    {
        FeatureTable original = Table(["eta"], [0.1, 0.2]);
        FeatureTable reco = Table(["eta"], [double.NaN, 0.3]);
        FidelityReport report = FidelityEvaluator.Evaluate(original, reco).Report;
        Assert.Equal(1, report.Variables[0].Residual.Count);
        Assert.Contains(report.Notes, n => n.Contains("eta: 1 of 2 residual values are NaN", StringComparison.Ordinal));
    }

    [Fact]
    public void Rejects_mismatched_shapes_and_names()
    {
        FeatureTable original = Table(["pt", "eta"], [1, 2, 3, 4]);

        var rows = Assert.Throws<ArgumentException>(() => FidelityEvaluator.Evaluate(original, Table(["pt", "eta"], [1, 2])));
        Assert.Contains("1 rows x 2 features", rows.Message, StringComparison.Ordinal);
        Assert.Contains("2 rows x 2 features", rows.Message, StringComparison.Ordinal);

        Assert.Throws<ArgumentException>(() => FidelityEvaluator.Evaluate(original, Table(["pt"], [1, 3])));

        var names = Assert.Throws<ArgumentException>(() => FidelityEvaluator.Evaluate(original, Table(["pt", "phi"], [1, 2, 3, 4])));
        Assert.Contains("'eta'", names.Message, StringComparison.Ordinal);
        Assert.Contains("'phi'", names.Message, StringComparison.Ordinal);

        Assert.Throws<ArgumentException>(() => FidelityEvaluator.Evaluate(original, original, new FidelityOptions { EnergyScaleToGeV = 0 }));
    }
}
