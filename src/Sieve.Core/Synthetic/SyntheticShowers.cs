using Sieve.Core.Events;

namespace Sieve.Core.Synthetic;

/// <summary>
/// Synthetic particle-level events with one quark-like or gluon-like jet each, for training and testing
/// models on jet images where real particle-level events are scarce: NOT physics data, and every output
/// made from it says "synthetic". A toy of the features a quark/gluon tagger learns, not a parton shower:
/// <list type="bullet">
/// <item>jet pT uniform in [<see cref="PtLow"/>, <see cref="PtHigh"/>] GeV, |eta| &lt; 2, phi uniform;</item>
/// <item>constituent multiplicity Poisson with mean 8 + pT / 15 GeV for quarks, x 1.6 for gluons (the ratio
///   measured at the LHC, below the asymptotic C_A / C_F = 2.25);</item>
/// <item>momentum fractions from a symmetric Dirichlet, harder (alpha 0.5) for quarks than gluons (alpha 0.9);</item>
/// <item>angular distance from the axis Rayleigh-distributed with width 0.035 (quark) or 0.06 (gluon), times
///   (z_mean / z)^0.3 so that soft particles lie wider, kept within 0.4;</item>
/// <item>particle types: 62 % charged pions, 28 % photons, 10 % K_L (neutral hadrons), as a jet's energy splits
///   roughly; plus a soft underlying event of ~15 charged and neutral particles (pT exponential, mean 0.6 GeV)
///   spread over |eta| &lt; 2.5.</item>
/// </list>
/// </summary>
public static class SyntheticShowers
{
    /// <summary>Lowest jet pT (GeV).</summary>
    public const double PtLow = 150;

    /// <summary>Highest jet pT (GeV).</summary>
    public const double PtHigh = 250;

    /// <summary>Process id of the events of <paramref name="flavour"/>.</summary>
    public static string ProcessOf(ShowerFlavour flavour) => flavour == ShowerFlavour.Quark ? "synthetic_quark" : "synthetic_gluon";

    /// <summary>Generates events deterministically from <paramref name="seed"/>; ids count from <paramref name="firstId"/>.</summary>
    public static IEnumerable<GeneratorEvent> Generate(ShowerFlavour flavour, int count, int seed, long firstId = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var rng = new Random(seed);
        bool quark = flavour == ShowerFlavour.Quark;
        for (int i = 0; i < count; i++)
        {
            double pt = PtLow + ((PtHigh - PtLow) * rng.NextDouble());
            double eta = -2 + (4 * rng.NextDouble());
            double phi = Math.PI * ((2 * rng.NextDouble()) - 1);
            int n = Math.Max(2, Poisson(rng, (8 + (pt / 15)) * (quark ? 1 : 1.6)));
            double[] z = Dirichlet(rng, n, quark ? 0.5 : 0.9);
            double width = quark ? 0.035 : 0.06;
            var particles = new List<GeneratorParticle>(n + 20);
            for (int k = 0; k < n; k++)
            {
                double r = Math.Min(0.4, width * Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Pow(1.0 / (n * Math.Max(z[k], 1e-6)), 0.3));
                double angle = 2 * Math.PI * rng.NextDouble();
                particles.Add(Particle(rng, pt * z[k], eta + (r * Math.Cos(angle)), phi + (r * Math.Sin(angle))));
            }

            int soft = Poisson(rng, 15);
            for (int k = 0; k < soft; k++)
            {
                particles.Add(Particle(rng, -0.6 * Math.Log(1 - rng.NextDouble()) + 1e-3, -2.5 + (5 * rng.NextDouble()), Math.PI * ((2 * rng.NextDouble()) - 1)));
            }

            yield return new GeneratorEvent(firstId + i, ProcessOf(flavour), 1.0, particles);
        }
    }

    // A final-state particle of a type drawn by the jet's energy split, massless but for the pion.
    private static GeneratorParticle Particle(Random rng, double pt, double eta, double phi)
    {
        double u = rng.NextDouble();
        (int pdg, double mass) = u < 0.62 ? (rng.NextDouble() < 0.5 ? 211 : -211, 0.13957) : u < 0.90 ? (22, 0.0) : (130, 0.0);
        double px = pt * Math.Cos(phi), py = pt * Math.Sin(phi), pz = pt * Math.Sinh(eta);
        double e = Math.Sqrt((px * px) + (py * py) + (pz * pz) + (mass * mass));
        return new GeneratorParticle(pdg, GeneratorParticle.FinalStateStatus, px, py, pz, e, mass);
    }

    private static double[] Dirichlet(Random rng, int n, double alpha)
    {
        var x = new double[n];
        double sum = 0;
        for (int k = 0; k < n; k++)
        {
            x[k] = Gamma(rng, alpha);
            sum += x[k];
        }

        for (int k = 0; k < n; k++)
        {
            x[k] /= sum;
        }

        return x;
    }

    // Marsaglia and Tsang's method; alpha < 1 through the boost Gamma(alpha + 1) U^(1/alpha).
    private static double Gamma(Random rng, double alpha)
    {
        if (alpha < 1)
        {
            return Gamma(rng, alpha + 1) * Math.Pow(1 - rng.NextDouble(), 1 / alpha);
        }

        double d = alpha - (1.0 / 3), c = 1 / Math.Sqrt(9 * d);
        while (true)
        {
            double x, v;
            do
            {
                x = Gaussian(rng);
                v = 1 + (c * x);
            }
            while (v <= 0);

            v = v * v * v;
            double u = 1 - rng.NextDouble();
            if (Math.Log(u) < (0.5 * x * x) + d - (d * v) + (d * Math.Log(v)))
            {
                return d * v;
            }
        }
    }

    // Knuth's method (means here are below 60, so the product stays well above double underflow).
    private static int Poisson(Random rng, double mean)
    {
        double limit = Math.Exp(-mean), p = 1;
        int k = 0;
        do
        {
            k++;
            p *= rng.NextDouble();
        }
        while (p > limit);
        return k - 1;
    }

    private static double Gaussian(Random rng)
    {
        double u1 = 1.0 - rng.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2 * Math.PI * rng.NextDouble());
    }
}
