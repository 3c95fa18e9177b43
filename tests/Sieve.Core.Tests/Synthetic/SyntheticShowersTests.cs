using Sieve.Core.Events;
using Sieve.Core.Jets;
using Sieve.Core.Synthetic;

namespace Sieve.Core.Tests.Synthetic;

/// <summary>The synthetic quark/gluon jets have the properties their documentation promises, measured through the jet clustering.</summary>
public sealed class SyntheticShowersTests
{
    private static readonly JetDefinition AntiKt4 = new(JetAlgorithm.AntiKt, 0.4, 20);

    [Fact]
    public void The_same_seed_gives_the_same_events_and_another_seed_others()
    {
        GeneratorEvent[] a = [.. SyntheticShowers.Generate(ShowerFlavour.Quark, 20, seed: 5)];
        GeneratorEvent[] b = [.. SyntheticShowers.Generate(ShowerFlavour.Quark, 20, seed: 5)];
        GeneratorEvent[] c = [.. SyntheticShowers.Generate(ShowerFlavour.Quark, 20, seed: 6)];
        Assert.Equal(a.SelectMany(e => e.Particles), b.SelectMany(e => e.Particles));
        Assert.NotEqual(a.SelectMany(e => e.Particles), c.SelectMany(e => e.Particles));
        Assert.All(a, e => Assert.Equal("synthetic_quark", e.ProcessId));
    }

    [Fact]
    public void Every_particle_is_a_final_state_on_shell_particle_of_a_known_type()
    {
        foreach (GeneratorEvent e in SyntheticShowers.Generate(ShowerFlavour.Gluon, 50, seed: 1))
        {
            Assert.All(e.Particles, p =>
            {
                Assert.True(p.IsFinalState);
                Assert.Contains(p.PdgId, new[] { 211, -211, 22, 130 });
                double m2 = (p.E * p.E) - (p.Px * p.Px) - (p.Py * p.Py) - (p.Pz * p.Pz);
                Assert.Equal(p.M * p.M, m2, 1e-6 * p.E * p.E);
            });
        }
    }

    [Fact]
    public void Gluon_jets_have_more_constituents_and_are_wider_than_quark_jets_of_the_same_pt()
    {
        (double quarkCount, double quarkWidth, double quarkPt) = LeadingJetAverages(ShowerFlavour.Quark);
        (double gluonCount, double gluonWidth, double gluonPt) = LeadingJetAverages(ShowerFlavour.Gluon);

        // Same pT range by construction (a tagger must not separate them by pT alone)...
        Assert.InRange(quarkPt, SyntheticShowers.PtLow, SyntheticShowers.PtHigh);
        Assert.InRange(gluonPt / quarkPt, 0.95, 1.05);

        // ...but about 1.6 times the constituents (soft particles caught in the jet dilute the ratio) and wider.
        Assert.InRange(gluonCount / quarkCount, 1.3, 1.8);
        Assert.True(gluonWidth > 1.3 * quarkWidth, $"gluon width {gluonWidth} against quark {quarkWidth}");
    }

    // Mean constituent count, pT-weighted mean distance of constituents from the axis, and pT of the leading anti-kt 0.4 jet.
    private static (double Count, double Width, double Pt) LeadingJetAverages(ShowerFlavour flavour)
    {
        double count = 0, width = 0, pt = 0;
        int n = 0;
        foreach (GeneratorEvent e in SyntheticShowers.Generate(flavour, 400, seed: 9))
        {
            GeneratorParticle[] visible = ClusteringInputs.Visible(e);
            Jet jet = JetClustering.InclusiveJets(Array.ConvertAll(visible, FourMomentum.Of), AntiKt4)[0];
            double w = 0, sum = 0;
            foreach (int i in jet.Constituents)
            {
                GeneratorParticle p = visible[i];
                double dphi = Math.IEEERemainder(p.Phi - jet.Phi, 2 * Math.PI);
                w += p.Pt * Math.Sqrt(((p.Eta - jet.Eta) * (p.Eta - jet.Eta)) + (dphi * dphi));
                sum += p.Pt;
            }

            count += jet.Constituents.Count;
            width += w / sum;
            pt += jet.Pt;
            n++;
        }

        return (count / n, width / n, pt / n);
    }
}
