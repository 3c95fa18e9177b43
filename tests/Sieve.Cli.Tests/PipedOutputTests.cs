using System.Text;

namespace Sieve.Cli.Tests;

/// <summary>Output to a pipe or a log is not wrapped at a terminal's width: long names stay whole.</summary>
public sealed class PipedOutputTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("sieve-piped-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    [Fact]
    public void A_long_column_name_appears_unbroken_in_a_table()
    {
        string longName = "reconstructed_leading_jet_transverse_momentum_after_jet_energy_scale_calibration_and_pileup_subtraction_GeV";
        Assert.True(longName.Length > 100);
        var text = new StringBuilder($"{longName},eta,phi,other_quite_long_feature_name_for_the_second_column\n");
        var random = new Random(3);
        for (int r = 0; r < 50; r++)
        {
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $"{20 + (100 * random.NextDouble())},{random.NextDouble() - 0.5},{random.NextDouble()},{random.NextDouble()}\n");
        }

        string input = Path.Combine(dir, "wide.csv");
        File.WriteAllText(input, text.ToString());
        (int code, string output) = CliRunner.RunPiped("info", input);
        Assert.True(code == 0, output);
        Assert.Contains(longName, output, StringComparison.Ordinal);
        // The table's row for the column is one line, wider than a terminal's 80 columns.
        string row = output.Split('\n').Single(l => l.Contains(longName, StringComparison.Ordinal));
        Assert.True(row.Length > 80, row);
    }
}
