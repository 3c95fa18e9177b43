using Sieve.Core.Events;

namespace Sieve.Core.Tests.Events;

public class KinematicsTests
{
    [Theory]
    [InlineData(0.0, 0.0)]
    [InlineData(Math.PI, Math.PI)]
    [InlineData(-Math.PI, Math.PI)]
    [InlineData(3 * Math.PI, Math.PI)]
    [InlineData(2 * Math.PI - 0.1, -0.1)]
    [InlineData(-2 * Math.PI + 0.1, 0.1)]
    public void WrapPhi_maps_into_half_open_interval(double phi, double expected)
    {
        Assert.Equal(expected, Kinematics.WrapPhi(phi), 12);
    }

    [Fact]
    public void WrapPhi_is_in_range_for_many_angles()
    {
        var rng = new Random(7);
        for (int i = 0; i < 10_000; i++)
        {
            double phi = (rng.NextDouble() - 0.5) * 200;
            double w = Kinematics.WrapPhi(phi);
            Assert.InRange(w, -Math.PI + 1e-15, Math.PI);
            Assert.Equal(0.0, Math.Sin(w - phi), 9);
        }
    }

    [Fact]
    public void Mass_and_energy_are_inverse()
    {
        // Reference: a 100 GeV pT jet at eta 1 with m = 20 GeV; E computed by hand.
        double p = 100 * Math.Cosh(1.0);
        double e = Math.Sqrt((20 * 20) + (p * p));
        Assert.Equal(e, Kinematics.Energy(20, 100, 1.0), 9);
        Assert.Equal(20, Kinematics.Mass(e, 100, 1.0), 6);
        Assert.Equal(0.0, Kinematics.Mass(p - 1e-9, 100, 1.0)); // negative m^2 is clipped
    }

    [Fact]
    public void Derived_momentum_components()
    {
        var o = new PhysicsObject(ObjectKind.Jet, 0, 50, 0.5, Math.PI / 2);
        Assert.Equal(0.0, o.Px, 9);
        Assert.Equal(50.0, o.Py, 9);
        Assert.Equal(50 * Math.Sinh(0.5), o.Pz, 9);
    }
}
