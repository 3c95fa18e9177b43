using Sieve.Core.Metrics;

namespace Sieve.Core.Tests.Metrics;

public class VariableRolesTests
{
    [Theory]
    [InlineData("E", VariableKind.EnergyLike)]
    [InlineData("energy", VariableKind.EnergyLike)]
    [InlineData("pT", VariableKind.EnergyLike)]
    [InlineData("PT", VariableKind.EnergyLike)]
    [InlineData("m", VariableKind.EnergyLike)]
    [InlineData("Mass", VariableKind.EnergyLike)]
    [InlineData("j1_pt", VariableKind.EnergyLike)]
    [InlineData("pt_3", VariableKind.EnergyLike)]
    [InlineData("phi", VariableKind.Angle)]
    [InlineData("PHI", VariableKind.Angle)]
    [InlineData("METphi", VariableKind.Angle)]
    [InlineData("j1_phi", VariableKind.Angle)]
    [InlineData("phi_0", VariableKind.Angle)]
    [InlineData("eta", VariableKind.Plain)]
    [InlineData("MET", VariableKind.Plain)]
    [InlineData("emission", VariableKind.Plain)]
    [InlineData("mu_eta", VariableKind.Plain)]
    public void Classify(string name, VariableKind expected)
    {
        Assert.Equal(expected, VariableRoles.Classify(name));
    }

    [Theory]
    [InlineData("m", true)]
    [InlineData("MASS", true)]
    [InlineData("jet_m", true)]
    [InlineData("pt", false)]
    [InlineData("e", false)]
    public void IsMass(string name, bool expected)
    {
        Assert.Equal(expected, VariableRoles.IsMass(name));
    }
}
