using Sieve.Core.Events;

namespace Sieve.IO.Root;

/// <summary>
/// Reads collections of a TTree as events of the event model (GeV), chunk by chunk: jets, muons,
/// electrons and photons with their pT, eta, phi (and mass and charge where there are branches),
/// and the missing transverse momentum. Both spellings of a collection are understood: NanoAOD's
/// flat <c>Muon_pt[nMuon]</c> and split objects' <c>Muon.pt</c> (a TClonesArray). The first
/// collection found of each list below is used:
/// <list type="bullet">
/// <item>jets: <c>Jet</c>, <c>AK4CHS</c>, <c>AK4Puppi</c>, <c>AK4</c> (kind j);</item>
/// <item>muons: <c>Muon</c>; electrons: <c>Electron</c> (m-/m+ and e-/e+ by the sign of <c>charge</c>
/// or <c>q</c>; negative when there is no charge branch); photons: <c>Photon</c> (g);</item>
/// <item>MET: <c>MET_pt</c>/<c>MET_phi</c>, <c>PuppiMET_pt</c>/<c>PuppiMET_phi</c>, <c>pfMET</c>/<c>pfMETphi</c>
/// (0 when there is none);</item>
/// <item>event id: <c>event</c>, <c>evtNum</c> (else the entry number); weight: <c>genWeight</c>,
/// <c>weight</c> (else 1); process: the tree's name.</item>
/// </list>
/// Energies come from pT, eta and the mass branch (<c>mass</c> or <c>m</c>), else the particle's
/// mass (muon, electron) or zero.
/// </summary>
public static class RootEventReader
{
    private const double MuonMass = 0.1056583755, ElectronMass = 0.00051099895;

    private static readonly (string[] Names, ObjectKind Negative, ObjectKind Positive, double Mass)[] Collections =
    [
        (["Jet", "AK4CHS", "AK4Puppi", "AK4"], ObjectKind.Jet, ObjectKind.Jet, 0),
        (["Muon"], ObjectKind.MuonMinus, ObjectKind.MuonPlus, MuonMass),
        (["Electron"], ObjectKind.ElectronMinus, ObjectKind.ElectronPlus, ElectronMass),
        (["Photon"], ObjectKind.Photon, ObjectKind.Photon, 0),
    ];

    private static readonly (string Pt, string Phi)[] MetBranches = [("MET_pt", "MET_phi"), ("PuppiMET_pt", "PuppiMET_phi"), ("pfMET", "pfMETphi")];

    /// <summary>Reads the events of the tree named in <paramref name="path"/> (<c>file.root#tree</c>), or of the first tree.</summary>
    /// <exception cref="RootFormatException">The tree has none of the collections, or a branch cannot be read.</exception>
    public static IEnumerable<Event> Read(string path, int entriesPerChunk = RootTree.DefaultChunkEntries)
    {
        (string file, string? named) = RootTableReader.SplitPath(path);
        using RootFile root = RootFile.Open(file);
        RootTree tree = root.OpenTree(named);
        foreach (Event e in Read(tree, entriesPerChunk))
        {
            yield return e;
        }
    }

    /// <summary>Reads the events of an open tree, chunk by chunk.</summary>
    public static IEnumerable<Event> Read(RootTree tree, int entriesPerChunk = RootTree.DefaultChunkEntries)
    {
        ArgumentNullException.ThrowIfNull(tree);
        var columns = new HashSet<string>(tree.Branches.SelectMany(b => b.Leaves).Select(l => l.Column), StringComparer.Ordinal);
        string? Column(string collection, params string[] members)
        {
            foreach (string member in members)
            {
                foreach (string name in new[] { $"{collection}_{member}", $"{collection}.{member}" })
                {
                    if (columns.Contains(name))
                    {
                        return name;
                    }
                }
            }

            return null;
        }

        var plans = new List<CollectionPlan>();
        foreach ((string[] names, ObjectKind negative, ObjectKind positive, double mass) in Collections)
        {
            string? collection = names.FirstOrDefault(n => Column(n, "pt") is not null && Column(n, "eta") is not null && Column(n, "phi") is not null);
            if (collection is not null)
            {
                plans.Add(new CollectionPlan(Column(collection, "pt")!, Column(collection, "eta")!, Column(collection, "phi")!,
                    Column(collection, "mass", "m"), Column(collection, "charge", "q"), negative, positive, mass));
            }
        }

        if (plans.Count == 0)
        {
            throw new RootFormatException(tree.FilePath, $"tree '{tree.Path}'", "no collection of jets, muons, electrons or photons to read as events",
                "branches such as Jet_pt, Jet_eta, Jet_phi (NanoAOD) or Muon.pt, Muon.eta, Muon.phi (split objects)");
        }

        (string Pt, string Phi)? met = MetBranches.Where(m => columns.Contains(m.Pt) && columns.Contains(m.Phi)).Select(m => ((string, string)?)m).FirstOrDefault();
        string? id = new[] { "event", "evtNum" }.FirstOrDefault(columns.Contains);
        string? weight = new[] { "genWeight", "weight" }.FirstOrDefault(columns.Contains);
        var wanted = new List<string>();
        foreach (CollectionPlan p in plans)
        {
            wanted.AddRange(new[] { p.Pt, p.Eta, p.Phi, p.Mass, p.Charge }.OfType<string>());
        }

        wanted.AddRange(new[] { met?.Pt, met?.Phi, id, weight }.OfType<string>());
        IEnumerable<string> branches = wanted.Select(c => tree.Branches.First(b => b.Leaves.Any(l => l.Column == c)).Name).Distinct(StringComparer.Ordinal).ToList();
        foreach (RootChunk chunk in tree.ReadChunks(branches, entriesPerChunk))
        {
            for (int i = 0; i < chunk.EntryCount; i++)
            {
                long entry = chunk.EntryStart + i;
                var objects = new List<PhysicsObject>();
                foreach (CollectionPlan p in plans)
                {
                    p.Add(chunk, i, objects, tree);
                }

                double metPt = met is { } m ? chunk.Column(m.Pt).Entry(i)[0] : 0;
                double metPhi = met is { } n ? chunk.Column(n.Phi).Entry(i)[0] : 0;
                string eventId = id is null ? entry.ToString(System.Globalization.CultureInfo.InvariantCulture)
                    : chunk.Column(id).Entry(i)[0].ToString("R", System.Globalization.CultureInfo.InvariantCulture);
                double w = weight is null ? 1 : chunk.Column(weight).Entry(i)[0];
                yield return new Event(eventId, tree.Name, w, metPt, metPhi, objects);
            }
        }
    }

    private sealed record CollectionPlan(string Pt, string Eta, string Phi, string? Mass, string? Charge, ObjectKind Negative, ObjectKind Positive, double DefaultMass)
    {
        public void Add(RootChunk chunk, int entry, List<PhysicsObject> objects, RootTree tree)
        {
            ReadOnlySpan<double> pt = chunk.Column(Pt).Entry(entry), eta = chunk.Column(Eta).Entry(entry), phi = chunk.Column(Phi).Entry(entry);
            ReadOnlySpan<double> mass = Mass is null ? [] : chunk.Column(Mass).Entry(entry);
            ReadOnlySpan<double> charge = Charge is null ? [] : chunk.Column(Charge).Entry(entry);
            if (eta.Length != pt.Length || phi.Length != pt.Length || (Mass is not null && mass.Length != pt.Length) || (Charge is not null && charge.Length != pt.Length))
            {
                throw new RootFormatException(tree.FilePath, $"tree '{tree.Path}', entry {chunk.EntryStart + entry}",
                    $"the collection's branches {Pt}, {Eta}, {Phi} hold different numbers of objects ({pt.Length}, {eta.Length}, {phi.Length})", "one value per object in each");
            }

            for (int k = 0; k < pt.Length; k++)
            {
                double m = Mass is null ? DefaultMass : Math.Max(0, mass[k]);
                double p = pt[k] * Math.Cosh(eta[k]);
                ObjectKind kind = Charge is not null && charge[k] > 0 ? Positive : Negative;
                objects.Add(new PhysicsObject(kind, Math.Sqrt((p * p) + (m * m)), pt[k], eta[k], phi[k]));
            }
        }
    }
}
