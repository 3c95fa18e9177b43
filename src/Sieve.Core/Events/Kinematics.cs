namespace Sieve.Core.Events;

/// <summary>Kinematic helpers shared by objects, layouts and metrics.</summary>
public static class Kinematics
{
    /// <summary>Invariant mass from (E, pT, eta); m^2 below zero (rounding) is clipped to 0.</summary>
    public static double Mass(double e, double pt, double eta)
    {
        double p = pt * Math.Cosh(eta);
        double m2 = (e * e) - (p * p);
        return m2 > 0 ? Math.Sqrt(m2) : 0.0;
    }

    /// <summary>Energy from (m, pT, eta): E = sqrt(m^2 + (pT cosh eta)^2).</summary>
    public static double Energy(double m, double pt, double eta)
    {
        double p = pt * Math.Cosh(eta);
        return Math.Sqrt((m * m) + (p * p));
    }

    /// <summary>Wraps an angle into (-pi, pi]. Use it on phi residuals before averaging or squaring.</summary>
    public static double WrapPhi(double phi)
    {
        if (double.IsNaN(phi) || double.IsInfinity(phi))
        {
            return phi;
        }

        double wrapped = Math.IEEERemainder(phi, 2 * Math.PI); // in [-pi, pi]
        return wrapped <= -Math.PI ? wrapped + (2 * Math.PI) : wrapped;
    }
}
