using Sieve.Core.Events;
using Sieve.Core.Metrics;

namespace Sieve.Core.Tests.Metrics;

/// <summary>Per-kind event fidelity: objects are paired by distance, so a pT-order flip is not read as a large error.</summary>
public class ObjectKindFidelityTests
{
    private static PhysicsObject Jet(double pt, double eta, double phi) => new(ObjectKind.Jet, pt * Math.Cosh(eta), pt, eta, phi);

    private static Event Of(params PhysicsObject[] objects) => new("1", "p", 1, 10, 0, objects);

    [Fact]
    public void Many_events_past_the_capacity_keep_exact_moments_per_kind_and_overall_and_say_they_were_sampled()
    {
        var rng = new Random(5);
        var truth = new List<Event>();
        var reco = new List<Event>();
        var etaResiduals = new List<double>();
        for (int i = 0; i < 3000; i++)
        {
            double pt = 30 + (100 * rng.NextDouble()), eta = (4 * rng.NextDouble()) - 2, d = 0.01 * (rng.NextDouble() - 0.5);
            truth.Add(Of(Jet(pt, eta, 0.3)));
            reco.Add(Of(Jet(pt, eta + d, 0.3)));
            etaResiduals.Add(eta + d - eta);
        }

        ObjectKindComparison sampled = ObjectKindFidelity.Evaluate(truth, reco, capacity: 2000); // 500 kept per kind
        ObjectKindComparison exact = ObjectKindFidelity.Evaluate(truth, reco);
        SummaryStatistics all = SummaryStatistics.FromValues([.. etaResiduals]);
        foreach (VariableFidelity eta in new[] { sampled.Kinds.Single().Variables.Single(v => v.Name == "eta"), sampled.Overall.Single(v => v.Name == "eta") })
        {
            Assert.Equal(3000, eta.Residual.Count);
            Assert.Equal(all.Rms, eta.Residual.Rms, 12);
            Assert.Equal(all.MaxAbs, eta.Residual.MaxAbs);
        }

        Assert.Equal(all, exact.Overall.Single(v => v.Name == "eta").Residual);
        Assert.Equal(500, sampled.Residuals.Single().Residuals["eta"].Length);
        Assert.Equal(6.0, sampled.Residuals.Single().SampleWeight);
        Assert.Contains(sampled.Notes, n => n.StartsWith("j: median", StringComparison.Ordinal) && n.Contains("500 of the 3000", StringComparison.Ordinal));
        Assert.Empty(exact.Notes);
    }

    [Fact]
    public void Two_jets_whose_pt_order_flips_are_still_compared_with_themselves()
    {
        // 100.0 and 100.1 GeV: a 0.2 % reconstruction error swaps their pT order.
        Event truth = Of(Jet(100.1, 1.0, 0.5), Jet(100.0, -2.0, 2.5));
        Event reco = Of(Jet(99.95, 1.001, 0.501), Jet(100.15, -2.001, 2.499));

        IReadOnlyList<KindFidelity> kinds = ObjectKindFidelity.Evaluate([truth], [reco]).Kinds;

        KindFidelity jets = kinds.Single(k => k.Kind == "j");
        VariableFidelity eta = jets.Variables.Single(v => v.Name == "eta");
        Assert.Equal(2, jets.Objects);
        Assert.Equal(0, jets.Unmatched);
        Assert.True(eta.Residual.MaxAbs < 0.002, $"eta residuals up to {eta.Residual.MaxAbs}: paired crosswise");
    }

    [Fact]
    public void Extra_objects_on_one_side_are_unmatched_and_the_rest_pair_with_their_partners()
    {
        Event truth = Of(Jet(50, 0.1, 0.1), Jet(40, 1.5, -3.1), Jet(30, -1, 2));
        Event reco = Of(Jet(40.2, 1.5, 3.13), Jet(50.1, 0.1, 0.1)); // the 30 GeV jet was dropped; phi wraps

        IReadOnlyList<(PhysicsObject Truth, PhysicsObject Reconstructed)> pairs = ObjectKindFidelity.Pairs(truth.Objects, reco.Objects);
        IReadOnlyList<KindFidelity> kinds = ObjectKindFidelity.Evaluate([truth], [reco]).Kinds;

        Assert.Equal([(50.0, 50.1), (40.0, 40.2)], pairs.Select(p => (p.Truth.Pt, p.Reconstructed.Pt)));
        Assert.Equal(1, kinds.Single(k => k.Kind == "j").Unmatched);
    }

    [Fact]
    public void Pairing_is_optimal_when_every_object_is_clearly_closest_to_one_partner()
    {
        var rng = new Random(3);
        for (int trial = 0; trial < 200; trial++)
        {
            int n = rng.Next(1, 8);
            PhysicsObject[] truth = [.. Enumerable.Range(0, n).Select(i => Jet(20 + (10 * i), -2 + (0.6 * i), -3 + (0.8 * i)))];
            int[] permutation = [.. Enumerable.Range(0, n).OrderBy(_ => rng.Next())];
            PhysicsObject[] reco = [.. permutation.Select(i => truth[i] with { Pt = truth[i].Pt * 1.001, Eta = truth[i].Eta + 0.001 })];

            var pairs = ObjectKindFidelity.Pairs(truth, reco);

            Assert.Equal(n, pairs.Count);
            Assert.All(pairs, p => Assert.Equal(p.Truth.Pt * 1.001, p.Reconstructed.Pt, 9));
        }
    }
}
