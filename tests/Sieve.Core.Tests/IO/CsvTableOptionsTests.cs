using Sieve.IO.Tables;

namespace Sieve.Core.Tests.IO;

public class CsvTableOptionsTests
{
    [Theory]
    [InlineData("index", true)]
    [InlineData("orig_index", true)]
    [InlineData("ID", true)]
    [InlineData("EventId", true)]
    [InlineData("event_id", true)]
    [InlineData("Label", true)]
    [InlineData("Weight", true)]
    [InlineData("KaggleSet", true)]
    [InlineData("KaggleWeight", true)]
    [InlineData("run_id", true)]
    [InlineData("row_index", true)]
    [InlineData("pt", false)]
    [InlineData("DER_mass_MMC", false)]
    [InlineData("weights_sum", false)]
    [InlineData("indexed", false)]
    public void IsSideChannelName_follows_the_documented_rule(string name, bool expected) =>
        Assert.Equal(expected, CsvTableOptions.IsSideChannelName(name));

    [Fact]
    public void Defaults_are_comma_and_automatic_selection()
    {
        Assert.Equal(',', CsvTableOptions.Default.Delimiter);
        Assert.Null(CsvTableOptions.Default.FeatureColumns);
        CsvTableOptions semicolon = CsvTableOptions.Default with { Delimiter = ';' };
        Assert.Equal(',', CsvTableOptions.Default.Delimiter);
        Assert.Equal(';', semicolon.Delimiter);
    }
}
