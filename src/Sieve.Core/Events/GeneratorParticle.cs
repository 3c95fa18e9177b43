namespace Sieve.Core.Events;

/// <summary>
/// One particle of a generator-level event (LHE, HepMC3, FastJet text): PDG id, status and the
/// four-momentum as written by the generator, energies and momenta in GeV.
/// </summary>
/// <remarks>
/// The momentum is kept in Cartesian form because that is what generators write; converting to
/// (pT, eta, phi) and back would lose precision for particles along the beam. The derived
/// <see cref="Pt"/>, <see cref="Eta"/> and <see cref="Phi"/> follow DOMAIN.md.
/// </remarks>
/// <param name="PdgId">PDG Monte Carlo particle code (11 electron, -11 positron, 22 photon, ...); 0 when the source does not say (FastJet text).</param>
/// <param name="Status">Generator status; 1 = final-state (outgoing, stable) in LHE and HepMC3. LHE: -1 incoming, 2 intermediate resonance.</param>
/// <param name="Px">x component of the momentum (GeV).</param>
/// <param name="Py">y component of the momentum (GeV).</param>
/// <param name="Pz">z component of the momentum, along the beam (GeV).</param>
/// <param name="E">Energy (GeV).</param>
/// <param name="M">Mass as written by the generator (GeV); FastJet text has none, its reader computes it from E and p.</param>
public readonly record struct GeneratorParticle(int PdgId, int Status, double Px, double Py, double Pz, double E, double M)
{
    /// <summary>
    /// Largest |eta| that <see cref="Eta"/> returns. A particle exactly along the beam (pT = 0,
    /// e.g. an incoming LHE parton) has eta = +-infinity mathematically; infinities must not reach
    /// features, so eta is clamped here. 100 is far beyond any detector (|eta| &lt; 5) and beyond
    /// what a finite pT of a real particle gives (a 7 TeV proton needs pT below 1e-39 GeV).
    /// </summary>
    public const double MaxAbsEta = 100;

    /// <summary>Status of a final-state particle in LHE (ISTUP) and HepMC3.</summary>
    public const int FinalStateStatus = 1;

    /// <summary>Transverse momentum sqrt(px^2 + py^2) (GeV).</summary>
    public double Pt => Math.Sqrt((Px * Px) + (Py * Py));

    /// <summary>
    /// Pseudorapidity asinh(pz / pT), clamped to [-<see cref="MaxAbsEta"/>, <see cref="MaxAbsEta"/>].
    /// With pT = 0 it is +-<see cref="MaxAbsEta"/> by the sign of pz, and 0 when pz is 0 too
    /// (a particle at rest has no direction). Always finite for finite momenta.
    /// </summary>
    public double Eta
    {
        get
        {
            double pt = Pt;
            if (pt == 0)
            {
                return Pz == 0 ? 0.0 : Math.CopySign(MaxAbsEta, Pz);
            }

            return Math.Clamp(Math.Asinh(Pz / pt), -MaxAbsEta, MaxAbsEta);
        }
    }

    /// <summary>Azimuth atan2(py, px) in (-pi, pi]; 0 when pT = 0 (no transverse direction).</summary>
    public double Phi => Kinematics.WrapPhi(Math.Atan2(Py, Px));

    /// <summary>True for status 1 (final state).</summary>
    public bool IsFinalState => Status == FinalStateStatus;
}
