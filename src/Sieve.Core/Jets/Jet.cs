using Sieve.Core.Events;

namespace Sieve.Core.Jets;

/// <summary>
/// One clustered jet: its four-momentum (the E-scheme sum of its constituents) and the positions
/// of its constituents in the input particle list.
/// </summary>
/// <param name="Momentum">(px, py, pz, E) in GeV.</param>
/// <param name="Constituents">0-based indices into the particles that were clustered, ascending.</param>
public sealed record Jet(FourMomentum Momentum, IReadOnlyList<int> Constituents)
{
    /// <summary>Transverse momentum (GeV).</summary>
    public double Pt => Momentum.Pt;

    /// <summary>Rapidity y (FastJet's definition, see <see cref="FourMomentum.Rapidity"/>).</summary>
    public double Rapidity => Momentum.Rapidity;

    /// <summary>Pseudorapidity eta.</summary>
    public double Eta => Momentum.Eta;

    /// <summary>Azimuth in (-pi, pi], the project's convention (FastJet's phi_std).</summary>
    public double Phi => Kinematics.WrapPhi(Momentum.Phi02Pi);

    /// <summary>Mass (GeV); negative only when rounding made m^2 negative.</summary>
    public double M => Momentum.M;
}
