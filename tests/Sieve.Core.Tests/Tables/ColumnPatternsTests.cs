using Sieve.Core.Tables;

namespace Sieve.Core.Tests.Tables;

public class ColumnPatternsTests
{
    private static readonly string[] Columns = ["Run", "Muon_pt", "Muon_eta", "Muon_phi", "Jet_pt", "MET_pt", "nMuon"];

    [Fact]
    public void Patterns_expand_in_file_order_and_names_pass_unchanged()
    {
        Assert.Equal(["Muon_pt", "Muon_eta", "Muon_phi"], ColumnPatterns.Expand(["Muon_*"], Columns));
        Assert.Equal(["Muon_pt", "Jet_pt", "MET_pt", "Run"], ColumnPatterns.Expand(["*_PT", "Run"], Columns));
        Assert.Equal(["Jet_pt", "Muon_eta"], ColumnPatterns.Expand(["J?t_pt", "Muon_eta", "Muon_et?"], Columns));
        Assert.Equal(["x", "y"], ColumnPatterns.Expand(["x", "y"], Columns));
        Assert.Null(ColumnPatterns.Expand(null, Columns));
    }

    [Fact]
    public void A_pattern_that_matches_nothing_lists_the_columns()
    {
        var e = Assert.Throws<ArgumentException>(() => ColumnPatterns.Expand(["Electron_*"], Columns));
        Assert.Contains("--columns Electron_* matches no column", e.Message, StringComparison.Ordinal);
        Assert.Contains("Muon_pt", e.Message, StringComparison.Ordinal);
    }
}
