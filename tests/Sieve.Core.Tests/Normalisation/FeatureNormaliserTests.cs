using Sieve.Core.Normalisation;
using Sieve.Core.Tables;

namespace Sieve.Core.Tests.Normalisation;

public class FeatureNormaliserTests
{
    private static readonly string[] JetFeatures = ["m", "pt", "phi", "eta"];

    [Theory]
    [InlineData(NormalisationKind.Jet, 1.0)]
    [InlineData(NormalisationKind.Jet, 0.001)]
    [InlineData(NormalisationKind.ZScore, 1.0)]
    [InlineData(NormalisationKind.None, 1.0)]
    public void Inverse_of_transform_is_identity_for_random_jets(NormalisationKind kind, double energyScaleToGeV)
    {
        var rng = new Random(1234);
        FeatureTable table = RandomJets(rng, 5000, 1 / energyScaleToGeV);
        FeatureNormaliser normaliser = NormaliserFitter.Fit(kind, table, energyScaleToGeV);

        double[] back = normaliser.Inverse(normaliser.Transform(table.Values));

        for (int i = 0; i < back.Length; i++)
        {
            double x = table.Values[i];
            // float32 in the middle: relative precision ~6e-8 of the normalised value, amplified by exp for logs.
            double tolerance = (Math.Abs(x) * 2e-6) + 1e-4;
            Assert.True(Math.Abs(back[i] - x) <= tolerance, $"value {i}: {x} came back as {back[i]}");
        }
    }

    [Fact]
    public void Jet_normalisation_matches_the_published_constants()
    {
        // Reference values by hand: pt = 100 GeV -> (2 - 1.3)/1.2; m = 9 GeV -> log10(10)/1.8; eta/5; phi/3.
        FeatureTable table = Table(JetFeatures, [9.0, 100.0, 1.5, -2.5]);
        float[] y = NormaliserFitter.Fit(NormalisationKind.Jet, table, 1.0).Transform(table.Values);
        Assert.Equal(1 / 1.8, y[0], 6);
        Assert.Equal(0.7 / 1.2, y[1], 6);
        Assert.Equal(0.5, y[2], 6);
        Assert.Equal(-0.5, y[3], 6);
    }

    [Fact]
    public void Mev_tables_give_the_same_normalised_values_as_gev_tables()
    {
        FeatureTable gev = Table(JetFeatures, [9.0, 100.0, 1.5, -2.5]);
        FeatureTable mev = Table(JetFeatures, [9000.0, 100000.0, 1.5, -2.5]);
        float[] a = NormaliserFitter.Fit(NormalisationKind.Jet, gev, 1.0).Transform(gev.Values);
        float[] b = NormaliserFitter.Fit(NormalisationKind.Jet, mev, 0.001).Transform(mev.Values);
        Assert.Equal(a, b);
    }

    [Fact]
    public void Zero_and_negative_masses_stay_invertible()
    {
        FeatureTable table = Table(JetFeatures, [0.0, 50, 0, 0, -0.4, 50, 0, 0, -7.0, 50, 0, 0]);
        FeatureNormaliser n = NormaliserFitter.Fit(NormalisationKind.Jet, table, 1.0);
        double[] back = n.Inverse(n.Transform(table.Values));
        Assert.Equal(0.0, back[0], 5);
        Assert.Equal(-0.4, back[4], 5);
        Assert.Equal(-7.0, back[8], 4);
    }

    [Fact]
    public void Non_positive_pt_is_reported_with_row_and_feature()
    {
        FeatureTable table = Table(JetFeatures, [1.0, 100, 0, 0, 1.0, 0.0, 0, 0]);
        FeatureNormaliser n = NormaliserFitter.Fit(NormalisationKind.Jet, table, 1.0);
        var e = Assert.Throws<NormalisationException>(() => n.Transform(table.Values));
        Assert.Equal(1, e.Row);
        Assert.Equal("pt", e.Feature);
        Assert.Contains("positive", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Zscore_is_fitted_on_the_given_split_only()
    {
        FeatureTable train = Table(["x"], [1.0, 2.0, 3.0]);
        FeatureNormaliser n = NormaliserFitter.Fit(NormalisationKind.ZScore, train, 1.0);
        Assert.Equal(2.0, n.Transforms[0].Offset, 12);
        Assert.Equal(Math.Sqrt(2.0 / 3.0), n.Transforms[0].Scale, 12);
        // A test value far outside the training range is transformed with the training statistics.
        Assert.Equal((float)((100 - 2.0) / Math.Sqrt(2.0 / 3.0)), n.Transform([100.0])[0]);
    }

    [Fact]
    public void Phi_comes_back_wrapped()
    {
        FeatureTable table = Table(JetFeatures, [1.0, 100, 3.1, 0]);
        FeatureNormaliser n = NormaliserFitter.Fit(NormalisationKind.Jet, table, 1.0);
        // A decoder output of phi/3 = 1.1 means phi = 3.3 > pi; it must come back as 3.3 - 2 pi.
        double[] back = n.Inverse([0f, 0.5f, 1.1f, 0f]);
        Assert.Equal((3 * 1.1f) - (2 * Math.PI), back[2], 5);
    }

    [Fact]
    public void Masked_cells_stay_out_of_the_statistics_and_come_out_as_zero()
    {
        // A rarely filled slot: two real values and many padded zeros.
        FeatureTable table = Table(["j5_pt"], [100.0, 0, 0, 0, 0, 0, 300.0, 0]);
        double[] mask = [1, 0, 0, 0, 0, 0, 1, 0];
        FeatureNormaliser n = NormaliserFitter.Fit(NormalisationKind.ZScore, table, 1.0, mask);
        Assert.Equal(200.0, n.Transforms[0].Offset, 12);   // mean of 100 and 300, not of the zeros
        Assert.Equal(100.0, n.Transforms[0].Scale, 12);

        float[] y = n.Transform(table.Values, [.. mask.Select(m => (float)m)]);
        Assert.Equal([-1f, 0, 0, 0, 0, 0, 1f, 0], y);
    }

    [Fact]
    public void Masked_cells_are_never_checked_against_the_domain()
    {
        FeatureTable table = Table(JetFeatures, [1.0, 100, 0, 0, 0.0, 0.0, 0, 0]); // second row padded: pt = 0
        FeatureNormaliser n = NormaliserFitter.Fit(NormalisationKind.Jet, table, 1.0);
        float[] y = n.Transform(table.Values, [1f, 1, 1, 1, 0, 0, 0, 0]);
        Assert.Equal(0f, y[5]);
    }

    internal static FeatureTable RandomJets(Random rng, int n, double unit)
    {
        var values = new double[n * 4];
        for (int i = 0; i < n; i++)
        {
            double pt = 20 * Math.Exp(rng.NextDouble() * 4);
            values[(i * 4) + 0] = (rng.NextDouble() < 0.05 ? -rng.NextDouble() : pt * 0.1 * rng.NextDouble()) * unit;
            values[(i * 4) + 1] = pt * unit;
            values[(i * 4) + 2] = (rng.NextDouble() * 2 * Math.PI) - Math.PI;
            values[(i * 4) + 3] = (rng.NextDouble() * 5) - 2.5;
        }

        return new FeatureTable(JetFeatures, values, n, [], JetFeatures);
    }

    private static FeatureTable Table(string[] names, double[] values) =>
        new(names, values, values.Length / names.Length, [], names);
}
