using System.Globalization;

namespace Sieve.Core.Events;

/// <summary>Conversion of generator-level events into reconstructed-style <see cref="Event"/>s.</summary>
public static class GeneratorEvents
{
    /// <summary>
    /// Builds an <see cref="Event"/> from the final-state (status 1) particles of a generator event.
    /// </summary>
    /// <remarks>
    /// <list type="bullet">
    /// <item>PDG 11 / -11 / 13 / -13 / 22 become e- / e+ / m- / m+ / g.</item>
    /// <item>Neutrinos (|PDG| 12, 14, 16) are invisible: the vector sum of their (px, py) gives
    /// MET and METphi (0 and 0 without neutrinos). Other invisible particles (e.g. a neutralino,
    /// 1000022) are not recognised and become <see cref="ObjectKind.Hadron"/> objects.</item>
    /// <item>Every other visible particle (hadrons; quarks, gluons and taus at parton level; PDG 0
    /// from FastJet text) becomes one <see cref="ObjectKind.Hadron"/> object. Jets are not
    /// clustered here: that is <c>Sieve.Core.Jets.JetClustering</c> (<c>sieve jets</c>).</item>
    /// <item>Visible objects keep file order, and must pass pT &gt; 0, pT &gt;= MinPt and
    /// |eta| &lt;= MaxAbsEta (see <see cref="GeneratorEventOptions"/>).</item>
    /// <item>Id is the event number as invariant text; ProcessId and Weight are copied.</item>
    /// </list>
    /// </remarks>
    public static Event ToEvent(GeneratorEvent generatorEvent, GeneratorEventOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(generatorEvent);
        options ??= GeneratorEventOptions.Default;
        options.Validate();

        double metX = 0;
        double metY = 0;
        var objects = new List<PhysicsObject>();
        foreach (GeneratorParticle p in generatorEvent.Particles)
        {
            if (!p.IsFinalState)
            {
                continue;
            }

            if (IsNeutrino(p.PdgId))
            {
                metX += p.Px;
                metY += p.Py;
                continue;
            }

            double pt = p.Pt;
            if (pt > 0 && pt >= options.MinPt)
            {
                double eta = p.Eta;
                if (Math.Abs(eta) <= options.MaxAbsEta)
                {
                    objects.Add(new PhysicsObject(KindOf(p.PdgId), p.E, pt, eta, p.Phi));
                }
            }
        }

        double met = Math.Sqrt((metX * metX) + (metY * metY));
        double metPhi = Kinematics.WrapPhi(Math.Atan2(metY, metX));
        return new Event(generatorEvent.Id.ToString(CultureInfo.InvariantCulture), generatorEvent.ProcessId,
            generatorEvent.Weight, met, metPhi, objects);
    }

    /// <summary>The object kind of a visible particle with this PDG id (<see cref="ObjectKind.Hadron"/> unless e, mu or photon).</summary>
    public static ObjectKind KindOf(int pdgId) => pdgId switch
    {
        11 => ObjectKind.ElectronMinus,
        -11 => ObjectKind.ElectronPlus,
        13 => ObjectKind.MuonMinus,
        -13 => ObjectKind.MuonPlus,
        22 => ObjectKind.Photon,
        _ => ObjectKind.Hadron,
    };

    /// <summary>True for the three neutrinos and their antineutrinos (|PDG| 12, 14, 16).</summary>
    public static bool IsNeutrino(int pdgId) => pdgId is 12 or -12 or 14 or -14 or 16 or -16;
}
