using System.Globalization;
using Sieve.Core.Tables;

namespace Sieve.Core.Synthetic;

/// <summary>
/// A small synthetic jet sample for the demo and tests: (m, pt, phi, eta) in GeV with an
/// <c>orig_index</c> id column. NOT physics data: pT falls as a power law above 20 GeV, eta is a
/// broad Gaussian cut at |eta| &lt; 2.8, phi is uniform, m is a log-normal fraction of pT with a few
/// zero-mass jets, so it looks roughly like the ATLAS jet tables. Every output made from it says so.
/// </summary>
public static class SyntheticJets
{
    /// <summary>Feature names, in the order of the ATLAS 4-D jet tables.</summary>
    public static IReadOnlyList<string> Features { get; } = ["m", "pt", "phi", "eta"];

    /// <summary>Generates <paramref name="count"/> jets deterministically from <paramref name="seed"/>.</summary>
    public static FeatureTable Generate(int count, int seed, int firstIndex = 0)
    {
        var rng = new Random(seed);
        var values = new double[count * 4];
        var ids = new string[count];
        for (int i = 0; i < count; i++)
        {
            // pT: power law p(pt) ~ pt^-4 above 20 GeV (inverse-CDF sampling).
            double pt = 20.0 * Math.Pow(1 - rng.NextDouble(), -1.0 / 3.0);
            double eta;
            do
            {
                eta = Gaussian(rng) * 1.4;
            }
            while (Math.Abs(eta) >= 2.8);

            double phi = (rng.NextDouble() * 2 * Math.PI) - Math.PI;
            double m = rng.NextDouble() < 0.02 ? 0.0 : pt * Math.Exp(-2.3 + (0.45 * Gaussian(rng)));
            values[(i * 4) + 0] = Round(m);
            values[(i * 4) + 1] = Round(pt);
            values[(i * 4) + 2] = Round(phi);
            values[(i * 4) + 3] = Round(eta);
            ids[i] = (firstIndex + i).ToString(CultureInfo.InvariantCulture);
        }

        string[] columns = ["orig_index", .. Features];
        return new FeatureTable(Features, values, count, [new SideChannel("orig_index", ids)], columns);
    }

    // Keep 6 significant digits, like typical CSV exports, so files stay small and exact.
    private static double Round(double x) => x == 0 ? 0 : double.Parse(x.ToString("G6", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    private static double Gaussian(Random rng)
    {
        double u1 = 1.0 - rng.NextDouble();
        double u2 = rng.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }
}
