namespace Sieve.Core.Events;

/// <summary>
/// One reconstructed object: kind and (E, pT, eta, phi), energies in GeV.
/// Derived quantities follow DOMAIN.md: px = pT cos phi, py = pT sin phi, pz = pT sinh eta,
/// |p| = pT cosh eta, m^2 = E^2 - |p|^2 with tiny negative values from rounding clipped to 0.
/// </summary>
public readonly record struct PhysicsObject(ObjectKind Kind, double E, double Pt, double Eta, double Phi)
{
    /// <summary>x component of the momentum (GeV).</summary>
    public double Px => Pt * Math.Cos(Phi);

    /// <summary>y component of the momentum (GeV).</summary>
    public double Py => Pt * Math.Sin(Phi);

    /// <summary>z component of the momentum (GeV).</summary>
    public double Pz => Pt * Math.Sinh(Eta);

    /// <summary>Magnitude of the momentum (GeV).</summary>
    public double P => Pt * Math.Cosh(Eta);

    /// <summary>Invariant mass (GeV); a negative m^2 (rounding, or E below |p|) gives 0.</summary>
    public double M => Kinematics.Mass(E, Pt, Eta);
}
