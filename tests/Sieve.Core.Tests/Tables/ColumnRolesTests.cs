using Sieve.Core.Tables;
using Sieve.IO.Tables;

namespace Sieve.Core.Tests.Tables;

/// <summary>Identifier and counter columns: recognised by name, kept losslessly only when every value is an integer.</summary>
public class ColumnRolesTests
{
    [Theory]
    [InlineData("Run", true)]
    [InlineData("run", true)]
    [InlineData("lumi", true)]
    [InlineData("Event", true)]
    [InlineData("event", true)]
    [InlineData("EventNumber", true)]
    [InlineData("luminosityBlock", true)]
    [InlineData("nJet", true)]
    [InlineData("nMuon", true)]
    [InlineData("n_jets", true)]
    [InlineData("njets", true)]
    [InlineData("PRI_jet_num", true)]
    [InlineData("multiplicity", true)]
    [InlineData("Q1", true)]
    [InlineData("q", true)]
    [InlineData("Muon_charge", true)]
    [InlineData("pt1", false)]
    [InlineData("eta", false)]
    [InlineData("nu_pt", false)]
    [InlineData("E1", false)]
    [InlineData("M", false)]
    [InlineData("MET", false)]
    [InlineData("phiMET", false)]
    [InlineData("DER_mass_MMC", false)]
    [InlineData("Muon_eta", false)]
    public void Names_of_identifiers_and_counters_are_recognised(string name, bool expected) =>
        Assert.Equal(expected, ColumnRoles.IsIdentifierOrCounterName(name));

    [Fact]
    public void Only_integer_columns_are_kept_losslessly()
    {
        Assert.True(ColumnRoles.KeepLosslessly("Run", [166128, 166130]));
        Assert.False(ColumnRoles.KeepLosslessly("Run", [166128, 166130.5]));
        Assert.False(ColumnRoles.KeepLosslessly("pt1", [10, 20]));
        Assert.False(ColumnRoles.KeepLosslessly("nJet", [1, double.NaN]));
    }

    [Fact]
    public void The_csv_reader_keeps_integer_identifiers_and_counters_as_text_and_the_rest_as_features()
    {
        const string csv = "Run,Event,Q1,pt1,eta1,nJet,weightish\n166128,1001,-1,35.5,0.25,2,0.5\n166128,1002,1,40.25,-1.5,0,1.5\n";
        FeatureTable t = CsvTableReader.Read(new StringReader(csv), "cms.csv");

        Assert.Equal(["pt1", "eta1", "weightish"], t.FeatureNames);
        Assert.Equal(["166128", "166128"], t.SideChannels.Single(c => c.Name == "Run").Values);
        Assert.Equal(["-1", "1"], t.SideChannels.Single(c => c.Name == "Q1").Values);
        Assert.Equal(["2", "0"], t.SideChannels.Single(c => c.Name == "nJet").Values);

        // A non-integer "counter" is a measurement after all; choosing the features overrides everything.
        FeatureTable u = CsvTableReader.Read(new StringReader("nJet,pt\n1.5,3\n2,4\n"), "u.csv");
        Assert.Equal(["nJet", "pt"], u.FeatureNames);
        FeatureTable v = CsvTableReader.Read(new StringReader(csv), "cms.csv", new CsvTableOptions { FeatureColumns = ["Run", "pt1"] });
        Assert.Equal(["Run", "pt1"], v.FeatureNames);
    }
}
