using Sieve.Core.Events;

namespace Sieve.Core.Jets;

/// <summary>
/// A four-momentum (px, py, pz, E) in GeV, with the rapidity and azimuth the clustering measures
/// distances in. They follow FastJet's definitions so that jets agree with FastJet to rounding:
/// true rapidity y = 0.5 ln((E + pz) / (E - pz)) (not pseudorapidity), azimuth in [0, 2 pi).
/// </summary>
public readonly record struct FourMomentum(double Px, double Py, double Pz, double E)
{
    /// <summary>
    /// Rapidity given to a massless particle exactly along the beam (FastJet's MaxRap): it
    /// can then only merge with particles along the same beam, never with the central event.
    /// </summary>
    public const double MaxRapidity = 1e5;

    /// <summary>The momentum of a generator particle.</summary>
    public static FourMomentum Of(GeneratorParticle p) => new(p.Px, p.Py, p.Pz, p.E);

    /// <summary>pT^2 = px^2 + py^2 (GeV^2).</summary>
    public double Pt2 => (Px * Px) + (Py * Py);

    /// <summary>Transverse momentum (GeV).</summary>
    public double Pt => Math.Sqrt(Pt2);

    /// <summary>m^2 = E^2 - p^2, computed as (E + pz)(E - pz) - pT^2 (less cancellation along the beam); may be negative from rounding.</summary>
    public double M2 => ((E + Pz) * (E - Pz)) - Pt2;

    /// <summary>Mass (GeV); a negative m^2 gives minus sqrt(-m^2), as FastJet does, so that rounding stays visible.</summary>
    public double M => M2 < 0 ? -Math.Sqrt(-M2) : Math.Sqrt(M2);

    /// <summary>
    /// Rapidity, as FastJet computes it: 0.5 ln((pT^2 + max(m^2, 0)) / (E + |pz|)^2), sign of pz;
    /// +-(<see cref="MaxRapidity"/> + |pz|) for a massless particle along the beam.
    /// </summary>
    public double Rapidity
    {
        get
        {
            double pt2 = Pt2;
            if (pt2 == 0 && E == Math.Abs(Pz))
            {
                double beam = MaxRapidity + Math.Abs(Pz);
                return Pz >= 0 ? beam : -beam;
            }

            double m2 = Math.Max(0.0, M2);
            double ePlusPz = E + Math.Abs(Pz);
            double rap = 0.5 * Math.Log((pt2 + m2) / (ePlusPz * ePlusPz));
            return Pz > 0 ? -rap : rap;
        }
    }

    /// <summary>Azimuth atan2(py, px) moved into [0, 2 pi) (FastJet's phi); 0 when pT = 0.</summary>
    public double Phi02Pi
    {
        get
        {
            if (Pt2 == 0)
            {
                return 0.0;
            }

            double phi = Math.Atan2(Py, Px);
            if (phi < 0)
            {
                phi += 2 * Math.PI;
            }

            return phi >= 2 * Math.PI ? phi - (2 * Math.PI) : phi;
        }
    }

    /// <summary>Pseudorapidity asinh(pz / pT), clamped as <see cref="GeneratorParticle.Eta"/> is.</summary>
    public double Eta
    {
        get
        {
            double pt = Pt;
            if (pt == 0)
            {
                return Pz == 0 ? 0.0 : Math.CopySign(GeneratorParticle.MaxAbsEta, Pz);
            }

            return Math.Clamp(Math.Asinh(Pz / pt), -GeneratorParticle.MaxAbsEta, GeneratorParticle.MaxAbsEta);
        }
    }

    /// <summary>The E-scheme sum of two momenta.</summary>
    public static FourMomentum operator +(FourMomentum a, FourMomentum b) => new(a.Px + b.Px, a.Py + b.Py, a.Pz + b.Pz, a.E + b.E);
}
