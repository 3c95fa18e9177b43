using Sieve.Core.Events;
using Sieve.IO.Root;

namespace Sieve.Core.Tests.IO.Root;

/// <summary>A TTree's collections as events: counts, kinematics and charges checked against the branches read independently.</summary>
public class RootEventReaderTests
{
    [SkippableFact]
    public void Split_object_collections_become_objects_of_the_event_model()
    {
        string path = RootData.Path("uproot-mc10events.root");
        List<Event> events = [.. RootEventReader.Read(path, entriesPerChunk: 3)];

        // uproot asserts the muon counts of this file: 1, 0, 3, 3, 0, 1, 5, 0, 1, 0.
        Assert.Equal([1, 0, 3, 3, 0, 1, 5, 0, 1, 0], events.Select(e => e.Objects.Count(o => o.Kind is ObjectKind.MuonMinus or ObjectKind.MuonPlus)));
        Assert.Equal(["135353219", "135353222"], events.Take(2).Select(e => e.Id));

        RootColumn pt = RootData.Column(path, "Events", "Muon.pt"), q = RootData.Column(path, "Events", "Muon.q");
        RootColumn jets = RootData.Column(path, "Events", "AK4CHS.pt"), met = RootData.Column(path, "Events", "pfMET");
        for (int i = 0; i < events.Count; i++)
        {
            PhysicsObject[] muons = [.. events[i].Objects.Where(o => o.Kind is ObjectKind.MuonMinus or ObjectKind.MuonPlus)];
            Assert.Equal(pt.Entry(i).ToArray(), muons.Select(o => o.Pt));
            Assert.Equal(q.Entry(i).ToArray().Select(c => c > 0 ? ObjectKind.MuonPlus : ObjectKind.MuonMinus), muons.Select(o => o.Kind));
            Assert.Equal(jets.Entry(i).Length, events[i].Objects.Count(o => o.Kind == ObjectKind.Jet));
            Assert.Equal(met.Entry(i)[0], events[i].Met);
            foreach (PhysicsObject m in muons)
            {
                // E^2 = (pT cosh eta)^2 + m_mu^2.
                double p = m.Pt * Math.Cosh(m.Eta);
                Assert.Equal((p * p) + (0.1056583755 * 0.1056583755), m.E * m.E, (p * p) * 1e-12);
            }
        }
    }

    [SkippableFact]
    public void A_tree_without_collections_says_what_it_expected()
    {
        var error = Assert.Throws<RootFormatException>(() => RootEventReader.Read(RootData.Zmumu("zlib")).ToList());
        Assert.Contains("no collection of jets, muons, electrons or photons", error.Message, StringComparison.Ordinal);
        Assert.Contains("Jet_pt", error.Message, StringComparison.Ordinal);
    }
}
