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
    [InlineData("MET", VariableKind.EnergyLike)]
    [InlineData("pt1", VariableKind.EnergyLike)]
    [InlineData("E2", VariableKind.EnergyLike)]
    [InlineData("MuonPt", VariableKind.EnergyLike)]
    [InlineData("Muon_pt", VariableKind.EnergyLike)]
    [InlineData("DER_mass_MMC", VariableKind.EnergyLike)]
    [InlineData("PRI_met_sumet", VariableKind.EnergyLike)]
    [InlineData("phi1", VariableKind.Angle)]
    [InlineData("phiMET", VariableKind.Angle)]
    [InlineData("PRI_met_phi", VariableKind.Angle)]
    [InlineData("DER_deltaphi", VariableKind.Angle)]
    [InlineData("eta1", VariableKind.Plain)]
    [InlineData("DER_pt_ratio_lep_tau", VariableKind.Plain)]
    [InlineData("DER_met_phi_centrality", VariableKind.Plain)]
    [InlineData("DER_deltar_tau_lep", VariableKind.Plain)]
    [InlineData("Q1", VariableKind.Plain)]
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
    [InlineData("DER_mass_MMC", true)]
    [InlineData("M", true)]
    [InlineData("pt", false)]
    [InlineData("e", false)]
    [InlineData("emission", false)]
    public void IsMass(string name, bool expected)
    {
        Assert.Equal(expected, VariableRoles.IsMass(name));
    }

    [Theory]
    [InlineData("pt1", "pt")]
    [InlineData("j0_pt", "pt")]
    [InlineData("MET", "pt")]
    [InlineData("phiMET", "phi")]
    [InlineData("METphi", "phi")]
    [InlineData("eta1", "eta")]
    [InlineData("mu_eta", "eta")]
    [InlineData("E1", "E")]
    [InlineData("jet_m", "m")]
    [InlineData("Q1", null)]
    [InlineData("DER_pt_ratio_lep_tau", null)]
    public void Variable_names_the_target_a_feature_takes(string name, string? expected)
    {
        Assert.Equal(expected, VariableRoles.Variable(name));
    }

    [Fact]
    public void Declared_kinds_override_the_patterns_and_bad_declarations_are_refused()
    {
        VariableKinds kinds = VariableKinds.Parse("x1=phi, MET=plain, w=m");
        Assert.Equal(VariableKind.Angle, kinds.Classify("x1"));
        Assert.Equal("phi", kinds.Variable("X1"));
        Assert.Equal(VariableKind.Plain, kinds.Classify("MET"));
        Assert.Null(kinds.Variable("MET"));
        Assert.True(kinds.IsMass("w"));
        Assert.Equal(VariableKind.EnergyLike, kinds.Classify("pt1")); // undeclared: patterns

        Assert.Contains("not a kind", Assert.Throws<ArgumentException>(() => VariableKinds.Parse("x=angel")).Message, StringComparison.Ordinal);
        Assert.Contains("NAME=KIND", Assert.Throws<ArgumentException>(() => VariableKinds.Parse("x")).Message, StringComparison.Ordinal);
        Assert.Contains("not a feature", Assert.Throws<ArgumentException>(() => kinds.RequireFeatures(["x1", "MET"])).Message, StringComparison.Ordinal);
    }
}
