using System.Text.Json;
using Sieve.Core.Events;
using Sieve.Core.Selection;
using Sieve.IO.DarkMachines;
using Sieve.Tests.Shared;

namespace Sieve.Cli.Tests;

/// <summary>`sieve info` on the real files: counts checked against independent parses.</summary>
public class InfoTests
{
    [Fact]
    public void A_channel_that_selects_no_event_is_summarised_not_an_error()
    {
        // One event with an electron and no jet: channel 1 (jets, MET) keeps nothing.
        string path = Path.Combine(Path.GetTempPath(), $"sieve-none-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, "1;z;1;10000;0.1;e-,50000,40000,0.1,0.2;\n");
        try
        {
            (int code, string text) = CliRunner.Run("info", path, "--format", "darkmachines", "--channel", "ch1");
            Assert.True(code == 0, text);
            Assert.Contains("0 events", text, StringComparison.Ordinal);
            Assert.Contains("no events pass the channel ch1 selection", text, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [SkippableFact]
    public void DarkMachines_counts_and_channel_selection()
    {
        string path = SharedData.Require("darkmachines/monojet_Zp2000.0_DM_50.0_chan3.csv");
        // Independent count: lines and ';'-separated object fields, without the reader under test.
        string[] lines = [.. File.ReadLines(path).Where(l => l.Length > 0)];
        long objects = lines.Sum(l => l.TrimEnd(';').Split(';').Length - 5);

        (int code, string text) = CliRunner.Run("info", path, "--json");
        Assert.True(code == 0, text);
        using JsonDocument all = JsonDocument.Parse(text);
        Assert.Equal(lines.Length, all.RootElement.GetProperty("event_count").GetInt64());
        Assert.Equal(objects, all.RootElement.GetProperty("object_count").GetInt64());

        long ch1 = DarkMachinesReader.Read(path).Count(e => ChannelSelection.Passes(e, Channel.Ch1));
        (code, text) = CliRunner.Run("info", path, "--channel", "ch1", "--json");
        Assert.True(code == 0, text);
        using JsonDocument selected = JsonDocument.Parse(text);
        Assert.Equal(ch1, selected.RootElement.GetProperty("event_count").GetInt64());
        Assert.True(ch1 > 0 && ch1 < lines.Length);
    }

    [SkippableFact]
    public void Lhe_and_fastjet_files_are_summarised_by_extension()
    {
        string lhe = SharedData.Require("lhe/pylhe-testfile-powheg-box-v2-W.lhe");
        (int code, string text) = CliRunner.Run("info", lhe, "--json");
        Assert.True(code == 0, text);
        using JsonDocument doc = JsonDocument.Parse(text);
        Assert.Equal(100, doc.RootElement.GetProperty("event_count").GetInt64());

        string fastjet = SharedData.Require("fastjet/Pythia-PtMin1000-LHC-10ev.dat");
        (code, text) = CliRunner.Run("info", fastjet);
        Assert.True(code == 0, text);
        Assert.Contains("10 events", text, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void Table_summary_counts_missing_cells()
    {
        string path = SharedData.Require("higgsml/bg.csv");
        string header = File.ReadLines(path).First();
        int column = Array.IndexOf(header.Split(','), "DER_mass_MMC");
        long missing = File.ReadLines(path).Skip(1).Count(l => l.Split(',')[column] == "-999.0");

        (int code, string text) = CliRunner.Run("info", path, "--missing", "-999", "--json");
        Assert.True(code == 0, text);
        using JsonDocument doc = JsonDocument.Parse(text);
        JsonElement mmc = doc.RootElement.GetProperty("columns").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "DER_mass_MMC");
        Assert.Equal(missing, mmc.GetProperty("missing").GetInt64());
        Assert.True(mmc.GetProperty("min").GetDouble() > 0, "the marker must not count as a value");
    }

    [Fact]
    public void Channel_on_a_table_is_a_usage_error()
    {
        string path = Path.Combine(Path.GetTempPath(), $"sieve-info-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, "a,b\n1,2\n");
        try
        {
            (int code, string text) = CliRunner.Run("info", path, "--channel", "ch1");
            Assert.Equal(1, code);
            Assert.Contains("--channel", text, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
