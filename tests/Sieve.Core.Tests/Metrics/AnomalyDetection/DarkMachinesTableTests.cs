using Sieve.Core.Metrics.AnomalyDetection;

namespace Sieve.Core.Tests.Metrics.AnomalyDetection;

public class DarkMachinesTableTests
{
    [Fact]
    public void Csv_has_the_challenge_columns_and_empty_cells_below_one_over_n()
    {
        // 1000 background events 0..999; signal "a" above 990 (1 %) and above 999 (0.1 %), signal "b,x" all below.
        ScoredSample bg = ScoredSample.Create("background", Enumerable.Range(0, 1000).Select(i => (double)i).ToArray());
        ScoredSample a = ScoredSample.Create("a", [2000.0, 995, 500, 100]);
        ScoredSample b = ScoredSample.Create("b,x", [-1.0, -2]);
        DarkMachinesTable table = DarkMachinesTable.Compute(bg, [a, b]);
        string[] lines = table.ToCsv().Split('\n');

        Assert.Equal("signal,auc,eps_s_at_1e-2,si_at_1e-2,eps_s_at_1e-3,si_at_1e-3,eps_s_at_1e-4,si_at_1e-4", lines[0]);
        string[] cells = lines[1].Split(',');
        Assert.Equal("a", cells[0]);
        Assert.Equal(table.Rows[0].Auc, double.Parse(cells[1], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("0.5", cells[2]); // 2000 and 995 pass the cut at 990 (10 background events)
        Assert.Equal(0.5 / Math.Sqrt(0.01), double.Parse(cells[3], System.Globalization.CultureInfo.InvariantCulture), 12);
        Assert.Equal("0.25", cells[4]); // only 2000 beats 999
        Assert.Equal(string.Empty, cells[6]); // 1e-4 < 1 / 1000
        Assert.Equal(string.Empty, cells[7]);
        Assert.StartsWith("\"b,x\",0,0,", lines[2], StringComparison.Ordinal);
        Assert.Equal(string.Empty, lines[3]); // the text ends with a line break
        Assert.Equal(4, lines.Length);
    }

    [Fact]
    public void Auc_matches_the_roc()
    {
        ScoredSample bg = ScoredSample.Create("background", [1.0, 2, 3]);
        ScoredSample s = ScoredSample.Create("s", [2.0, 4]);
        Assert.Equal(0.75, DarkMachinesTable.Compute(bg, [s]).Rows[0].Auc, 15);
    }
}
