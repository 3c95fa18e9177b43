using System.Globalization;
using Sieve.Core.Events;

namespace Sieve.Core.Synthetic;

/// <summary>
/// Synthetic collision events for the anomaly-detection demo: NOT physics data. Background: 2 to 8
/// jets with power-law pT above 20 GeV (multiplicity falling geometrically), sometimes a b-jet,
/// lepton or photon, MET from a falling exponential. The planted signal: a resonance
/// decaying to two back-to-back jets of about 110 GeV each, with somewhat larger MET, on top of a
/// softer background-like event. Every output made from it says "synthetic".
/// </summary>
public static class SyntheticEvents
{
    /// <summary>Process id of the background events.</summary>
    public const string BackgroundProcess = "synthetic_background";

    /// <summary>Process id of the planted signal events.</summary>
    public const string SignalProcess = "synthetic_signal";

    /// <summary>Generates events deterministically from <paramref name="seed"/>.</summary>
    public static IEnumerable<Event> Generate(int count, int seed, bool signal)
    {
        var rng = new Random(seed);
        for (int i = 0; i < count; i++)
        {
            var objects = new List<PhysicsObject>();
            int jets = 2;
            while (jets < 8 && rng.NextDouble() < 0.45)
            {
                jets++;
            }

            if (signal)
            {
                // Two jets from a resonance of about 220 GeV, back to back in phi, with a small boost.
                double phi = Uniform(rng, -Math.PI, Math.PI);
                double pt = 110 * (0.8 + (0.3 * rng.NextDouble()));
                objects.Add(Jet(rng, pt, Gaussian(rng) * 0.8, phi, ObjectKind.Jet));
                objects.Add(Jet(rng, pt * (0.85 + (0.15 * rng.NextDouble())), Gaussian(rng) * 0.8, Wrap(phi + Math.PI + (0.2 * Gaussian(rng))), ObjectKind.Jet));
                jets = Math.Max(0, jets - 3);
            }

            for (int j = 0; j < jets; j++)
            {
                double pt = 20.0 * Math.Pow(1 - rng.NextDouble(), -1.0 / 3.0);
                var kind = rng.NextDouble() < 0.1 ? ObjectKind.BJet : ObjectKind.Jet;
                objects.Add(Jet(rng, pt, Gaussian(rng) * 1.3, Uniform(rng, -Math.PI, Math.PI), kind));
            }

            if (rng.NextDouble() < 0.15)
            {
                var lepton = (ObjectKind)rng.Next((int)ObjectKind.ElectronMinus, (int)ObjectKind.MuonPlus + 1);
                double pt = 15 + (40 * -Math.Log(1 - rng.NextDouble()));
                double eta = Gaussian(rng);
                objects.Add(new PhysicsObject(lepton, pt * Math.Cosh(eta), pt, eta, Uniform(rng, -Math.PI, Math.PI)));
            }

            if (rng.NextDouble() < 0.05)
            {
                double pt = 20 + (30 * -Math.Log(1 - rng.NextDouble()));
                double eta = Gaussian(rng);
                objects.Add(new PhysicsObject(ObjectKind.Photon, pt * Math.Cosh(eta), pt, eta, Uniform(rng, -Math.PI, Math.PI)));
            }

            double met = (signal ? 40 : 25) * -Math.Log(1 - rng.NextDouble());
            yield return new Event(i.ToString(CultureInfo.InvariantCulture), signal ? SignalProcess : BackgroundProcess, 1.0, Round(met), Round(Uniform(rng, -Math.PI, Math.PI)), objects);
        }
    }

    private static PhysicsObject Jet(Random rng, double pt, double eta, double phi, ObjectKind kind)
    {
        eta = Math.Clamp(eta, -2.7, 2.7);
        double m = pt * Math.Exp(-2.3 + (0.4 * Gaussian(rng)));
        return new PhysicsObject(kind, Round(Kinematics.Energy(m, pt, eta)), Round(pt), Round(eta), Round(phi));
    }

    private static double Round(double x) => double.Parse(x.ToString("G6", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    private static double Wrap(double phi) => Kinematics.WrapPhi(phi);

    private static double Uniform(Random rng, double low, double high) => low + ((high - low) * rng.NextDouble());

    private static double Gaussian(Random rng)
    {
        double u1 = 1.0 - rng.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2 * Math.PI * rng.NextDouble());
    }
}
