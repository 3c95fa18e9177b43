using Sieve.Core.Jets;

namespace Sieve.Core.Tests.Jets;

public sealed class JetClusteringTests
{
    [Theory]
    [InlineData(JetAlgorithm.AntiKt, 0.4, 1)]
    [InlineData(JetAlgorithm.Kt, 0.6, 2)]
    [InlineData(JetAlgorithm.CambridgeAachen, 1.0, 3)]
    [InlineData(JetAlgorithm.AntiKt, 1.2, 4)]
    [InlineData(JetAlgorithm.Kt, 3.5, 5)] // one phi tile
    [InlineData(JetAlgorithm.AntiKt, 0.1, 6)] // many small tiles
    [InlineData(JetAlgorithm.CambridgeAachen, 2.5, 7)] // two phi tiles: neighbours counted once
    public void The_nearest_neighbour_cache_finds_what_the_all_pairs_search_finds(JetAlgorithm algorithm, double radius, int seed)
    {
        FourMomentum[] particles = RandomEvent(new Random(seed), 300);
        var definition = new JetDefinition(algorithm, radius);
        IReadOnlyList<Jet> fast = JetClustering.InclusiveJets(particles, definition);
        IReadOnlyList<Jet> naive = NaiveJetClustering.InclusiveJets(particles, definition);
        Assert.Equal(naive.Count, fast.Count);
        for (int k = 0; k < fast.Count; k++)
        {
            Assert.Equal(naive[k].Constituents, fast[k].Constituents);
            Assert.Equal(naive[k].Pt, fast[k].Pt, 1e-9);
        }
    }

    [Theory]
    [InlineData(JetAlgorithm.AntiKt)]
    [InlineData(JetAlgorithm.Kt)]
    [InlineData(JetAlgorithm.CambridgeAachen)]
    public void Without_a_pt_minimum_every_particle_is_in_exactly_one_jet_and_momentum_is_conserved(JetAlgorithm algorithm)
    {
        FourMomentum[] particles = RandomEvent(new Random(7), 200);
        IReadOnlyList<Jet> jets = JetClustering.InclusiveJets(particles, new JetDefinition(algorithm, 0.5));
        Assert.Equal(Enumerable.Range(0, particles.Length), jets.SelectMany(j => j.Constituents).Order());
        Assert.Equal(particles.Sum(p => p.Px), jets.Sum(j => j.Momentum.Px), 1e-9);
        Assert.Equal(particles.Sum(p => p.E), jets.Sum(j => j.Momentum.E), 1e-9);
        Assert.All(jets, j => Assert.Equal(j.Constituents.Sum(i => particles[i].Pz), j.Momentum.Pz, 1e-9));
        Assert.True(jets.Zip(jets.Skip(1)).All(p => p.First.Pt >= p.Second.Pt), "jets are sorted by pT");
    }

    [Fact]
    public void Anti_kt_makes_a_cone_of_radius_R_around_an_isolated_hard_particle()
    {
        // A 100 GeV particle with soft ones at dR 0.35 (inside R = 0.4) and 0.45 (outside), across phi = 0.
        var hard = FromPtYPhi(100, 0.5, 0.1);
        FourMomentum[] particles = [hard, FromPtYPhi(1, 0.5, 0.1 - 0.35), FromPtYPhi(1, 0.5 + 0.45, 0.1), FromPtYPhi(1, 0.5, 0.1 + 0.35)];
        IReadOnlyList<Jet> jets = JetClustering.InclusiveJets(particles, new JetDefinition(JetAlgorithm.AntiKt, 0.4, PtMin: 5));
        Jet jet = Assert.Single(jets);
        Assert.Equal([0, 1, 3], jet.Constituents);
    }

    [Fact]
    public void Pt_minimum_and_empty_input_behave()
    {
        Assert.Empty(JetClustering.InclusiveJets([], new JetDefinition(JetAlgorithm.AntiKt, 0.4)));
        FourMomentum[] particles = [FromPtYPhi(10, 0, 0), FromPtYPhi(4, 0, 3)];
        Assert.Single(JetClustering.InclusiveJets(particles, new JetDefinition(JetAlgorithm.AntiKt, 0.4, 5)));
        Assert.Equal(2, JetClustering.InclusiveJets(particles, new JetDefinition(JetAlgorithm.AntiKt, 0.4, 3.9)).Count);
        Assert.Throws<ArgumentOutOfRangeException>(() => JetClustering.InclusiveJets(particles, new JetDefinition(JetAlgorithm.AntiKt, 0)));
    }

    [Fact]
    public void Rapidity_and_phi_follow_fastjet()
    {
        var p = new FourMomentum(3, -4, 12, 13.5);
        Assert.Equal(0.5 * Math.Log((13.5 + 12) / (13.5 - 12)), p.Rapidity, 12);
        Assert.Equal(Math.Atan2(-4, 3) + (2 * Math.PI), p.Phi02Pi, 12);
        Assert.Equal(Math.Asinh(12 / 5.0), p.Eta, 12);
        Assert.Equal(-(FourMomentum.MaxRapidity + 7), new FourMomentum(0, 0, -7, 7).Rapidity);
        Assert.True(JetAlgorithms.TryParse("Anti-kt", out JetAlgorithm a) && a == JetAlgorithm.AntiKt);
        Assert.True(JetAlgorithms.TryParse("ca", out a) && a == JetAlgorithm.CambridgeAachen);
        Assert.False(JetAlgorithms.TryParse("siscone", out _));
    }

    internal static FourMomentum FromPtYPhi(double pt, double y, double phi, double m = 0)
    {
        double mt = Math.Sqrt((pt * pt) + (m * m));
        return new FourMomentum(pt * Math.Cos(phi), pt * Math.Sin(phi), mt * Math.Sinh(y), mt * Math.Cosh(y));
    }

    /// <summary>A few hard clusters over soft, uniform pile-up-like particles.</summary>
    internal static FourMomentum[] RandomEvent(Random random, int count)
    {
        var particles = new FourMomentum[count];
        double[] centreY = [random.NextDouble() * 4 - 2, random.NextDouble() * 4 - 2, 0];
        double[] centrePhi = [random.NextDouble() * 6.28, random.NextDouble() * 6.28, 3];
        for (int i = 0; i < count; i++)
        {
            int c = i % 4;
            (double pt, double y, double phi) = c < 3
                ? (random.NextDouble() * 50 + 1, centreY[c] + (random.NextDouble() - 0.5) * 0.8, centrePhi[c] + (random.NextDouble() - 0.5) * 0.8)
                : (random.NextDouble() * 2, random.NextDouble() * 8 - 4, random.NextDouble() * 2 * Math.PI);
            particles[i] = FromPtYPhi(pt, y, phi, 0.14);
        }

        // Two particles close to the beams, beyond the tiles' rapidity range (y about +-24).
        particles[0] = new FourMomentum(1e-6, 0, 1e4, 1e4);
        particles[1] = new FourMomentum(0, -2e-6, -1e4, 1e4);

        return particles;
    }
}
