using Sieve.Core.Events;

namespace Sieve.Core.Tests.IO.Generators;

public sealed class GeneratorEventsTests
{
    private static GeneratorParticle Final(int pdg, double px, double py, double pz, double e) => new(pdg, 1, px, py, pz, e, 0);

    [Fact]
    public void Final_state_particles_map_to_kinds_by_pdg_id_and_charge()
    {
        GeneratorParticle[] particles =
        [
            Final(11, 10, 0, 0, 10), Final(-11, 0, 10, 0, 10), Final(13, -10, 0, 0, 10), Final(-13, 0, -10, 0, 10),
            Final(22, 5, 5, 0, 8), Final(211, 1, 1, 1, 2), Final(0, 2, 0, 0, 2), Final(21, 3, 0, 4, 5),
            new GeneratorParticle(11, 2, 50, 0, 0, 50, 0),   // not final state: ignored
            new GeneratorParticle(2212, -1, 0, 0, 6500, 6500, 0.938),
        ];
        Event e = GeneratorEvents.ToEvent(new GeneratorEvent(42, "p", 0.25, particles));
        Assert.Equal(
            [ObjectKind.ElectronMinus, ObjectKind.ElectronPlus, ObjectKind.MuonMinus, ObjectKind.MuonPlus, ObjectKind.Photon, ObjectKind.Hadron, ObjectKind.Hadron, ObjectKind.Hadron],
            e.Objects.Select(o => o.Kind));
        Assert.Equal(("42", "p", 0.25), (e.Id, e.ProcessId, e.Weight));
        Assert.Equal(Math.PI, e.Objects[2].Phi); // atan2(0, -10): pi, inside (-pi, pi]
        Assert.Equal(Math.Asinh(4.0 / 3.0), e.Objects[7].Eta, 12);
    }

    [Fact]
    public void Neutrinos_sum_to_met_and_ignore_the_cuts()
    {
        GeneratorParticle[] particles = [Final(12, 3, 0, 0, 3), Final(-14, 0, 4, 100, 100.1), Final(16, 0, 0, 7, 7), Final(-16, 0, 0, -1, 1)];
        Event e = GeneratorEvents.ToEvent(new GeneratorEvent(1, "", 1, particles), new GeneratorEventOptions { MinPt = 10, MaxAbsEta = 1 });
        Assert.Empty(e.Objects);
        Assert.Equal(5.0, e.Met, 12);
        Assert.Equal(Math.Atan2(4, 3), e.MetPhi, 12);
    }

    [Fact]
    public void Cuts_drop_soft_forward_and_zero_pt_particles()
    {
        GeneratorParticle[] particles = [Final(211, 1, 0, 0, 1), Final(211, 20, 0, 0, 20), Final(211, 20, 0, 1000, 1000.2), Final(22, 0, 0, 50, 50)];
        var options = new GeneratorEventOptions { MinPt = 5, MaxAbsEta = 2.5 };
        Assert.Equal([20.0], GeneratorEvents.ToEvent(new GeneratorEvent(1, "", 1, particles), options).Objects.Select(o => o.Pt));
        Assert.Equal(3, GeneratorEvents.ToEvent(new GeneratorEvent(1, "", 1, particles)).Objects.Count); // pT = 0 never kept
    }

    [Fact]
    public void Eta_is_finite_along_the_beam_and_phi_is_in_range()
    {
        Assert.Equal(GeneratorParticle.MaxAbsEta, new GeneratorParticle(2212, -1, 0, 0, 6500, 6500, 0.938).Eta);
        Assert.Equal(-GeneratorParticle.MaxAbsEta, new GeneratorParticle(2212, -1, 0, 0, -6500, 6500, 0.938).Eta);
        Assert.Equal(0.0, new GeneratorParticle(22, 1, 0, 0, 0, 0, 0).Eta);
        Assert.Equal(GeneratorParticle.MaxAbsEta, new GeneratorParticle(22, 1, 1e-300, 0, 1e300, 1e300, 0).Eta);
        Assert.Equal(Math.PI, new GeneratorParticle(22, 1, -1, -0.0, 0, 1, 0).Phi); // -0.0 would give -pi
        Assert.Equal(0.0, new GeneratorParticle(22, 1, 0, 0, 5, 5, 0).Phi);
    }

    [Fact]
    public void Hadron_kind_has_code_h_and_keeps_the_old_values()
    {
        Assert.Equal(7, (int)ObjectKind.Hadron);
        Assert.Equal(6, (int)ObjectKind.Photon);
        Assert.Equal("h", ObjectKind.Hadron.Code());
        Assert.True(ObjectKinds.TryParseCode("h", out ObjectKind kind));
        Assert.Equal(ObjectKind.Hadron, kind);
        Assert.Equal(ObjectKind.Hadron, ObjectKinds.WithHadron[^1]);
        Assert.Equal(ObjectKinds.All, ObjectKinds.WithHadron.Take(7));
        Assert.False(ObjectKind.Hadron.IsJet());
    }

    [Fact]
    public void Negative_cuts_are_rejected()
    {
        var e = new GeneratorEvent(1, "", 1, []);
        Assert.Throws<ArgumentOutOfRangeException>(() => GeneratorEvents.ToEvent(e, new GeneratorEventOptions { MinPt = -1 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => GeneratorEvents.ToEvent(e, new GeneratorEventOptions { MaxAbsEta = double.NaN }));
    }
}
