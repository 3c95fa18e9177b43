using Sieve.Core.Events;
using Sieve.Core.Jets;
using Sieve.IO.Generators;
using Sieve.Tests.Shared;

namespace Sieve.Core.Tests.Jets;

/// <summary>
/// Jet for jet agreement with FastJet 3.4 on its own example events: the reference was written by
/// tests/fixtures/fastjet/reference.cc (FastJet, E-scheme) and is committed, so FastJet is not needed here.
/// </summary>
public sealed class FastJetAgreementTests
{
    private static readonly Lazy<IReadOnlyList<FastJetReferenceJet>> Reference = new(FastJetReferenceJet.Load);

    public static TheoryData<string> Files => new()
    {
        "Pythia-PtMin1000-LHC-10ev.dat", "single-event.dat", "boosted_top_event.dat", "HZ-event-Hmass115.dat",
        "Pythia-Zp2jets-lhc-pileup-1ev.dat", "Pythia-dijet-ptmin100-lhc-pileup-1ev.dat",
    };

    [SkippableTheory]
    [MemberData(nameof(Files))]
    public void Jets_match_FastJet_for_every_definition(string file)
    {
        string path = SharedData.Require("fastjet/" + file);
        List<GeneratorEvent> events = FastJetTextReader.Read(path).ToList();
        var expectedByEvent = Reference.Value.Where(j => j.File == file)
            .GroupBy(j => (j.Event, j.Algorithm, j.Radius, j.PtMin)).ToList();
        Assert.NotEmpty(expectedByEvent);
        // Every event and definition of the reference is checked, including those where FastJet found jets.
        Assert.Equal(events.Count, expectedByEvent.Select(g => g.Key.Event).Distinct().Count());
        foreach (var group in expectedByEvent)
        {
            FastJetReferenceJet first = group.First();
            var definition = new JetDefinition(first.ParsedAlgorithm, first.Radius, first.PtMin);
            FourMomentum[] particles = events[group.Key.Event - 1].Particles.Select(FourMomentum.Of).ToArray();
            IReadOnlyList<Jet> jets = JetClustering.InclusiveJets(particles, definition);
            FastJetReferenceJet[] expected = group.OrderBy(j => j.Index).ToArray();
            string where = $"{file} event {group.Key.Event} {definition}";
            Assert.True(expected.Length == jets.Count, $"{where}: {jets.Count} jets, FastJet {expected.Length}");
            for (int k = 0; k < jets.Count; k++)
            {
                Jet jet = jets[k];
                FastJetReferenceJet e = expected[k];
                AssertClose(e.Pt, jet.Pt, 1e-6, $"{where} jet {k} pT");
                AssertClose(e.Eta, jet.Eta, 1e-6, $"{where} jet {k} eta");
                AssertClose(e.Rap, jet.Rapidity, 1e-6, $"{where} jet {k} rapidity");
                AssertClose(e.PhiStd, jet.Phi, 1e-6, $"{where} jet {k} phi");
                Assert.True(Math.Abs(e.M - jet.M) <= 1e-6 * Math.Max(1.0, e.Pt), $"{where} jet {k} mass {jet.M} vs FastJet {e.M}");
                Assert.True(e.Constituents == jet.Constituents.Count, $"{where} jet {k}: {jet.Constituents.Count} constituents, FastJet {e.Constituents}");
            }
        }
    }

    [Fact]
    public void The_reference_covers_every_definition_and_a_pileup_event()
    {
        var definitions = Reference.Value.Select(j => (j.Algorithm, j.Radius)).Distinct().ToList();
        Assert.Contains(("antikt", 0.4), definitions);
        Assert.Contains(("antikt", 1.0), definitions);
        Assert.Contains(("kt", 0.6), definitions);
        Assert.Contains(("cambridge", 0.6), definitions);
        Assert.Contains(Reference.Value, j => j.File.Contains("pileup", StringComparison.Ordinal));
    }

    /// <summary>Relative tolerance, with an absolute floor of the same size for values near 0 (phi, eta).</summary>
    private static void AssertClose(double expected, double actual, double tolerance, string what)
    {
        double allowed = tolerance * Math.Max(1.0, Math.Abs(expected));
        Assert.True(Math.Abs(expected - actual) <= allowed, $"{what}: {actual:R}, FastJet {expected:R}");
    }
}
