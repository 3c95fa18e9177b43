using System.Globalization;
using System.Text.Json;
using Sieve.Pipeline;
using Sieve.Core.Tables;
using Sieve.IO.Root;
using Sieve.IO.Tables;
using Sieve.Tests.Shared;

namespace Sieve.Cli.Tests;

/// <summary>ROOT files as input: `sieve info`, format detection by content, and train -> compress -> decompress.</summary>
public sealed class RootInputTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("sieve-root-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    [SkippableFact]
    public void Info_lists_trees_branches_types_entries_and_compression()
    {
        string path = SharedData.Require("root/uproot-Zmumu-lzma.root");
        (int code, string text) = CliRunner.Run("info", path, "--json");
        Assert.True(code == 0, text);
        using JsonDocument doc = JsonDocument.Parse(text);
        JsonElement tree = doc.RootElement.GetProperty("trees").EnumerateArray().Single();
        Assert.Equal("events", tree.GetProperty("path").GetString());
        Assert.Equal(2304, tree.GetProperty("entries").GetInt64());
        JsonElement[] branches = [.. tree.GetProperty("branches").EnumerateArray()];
        Assert.Equal(20, branches.Length);
        JsonElement px1 = branches.Single(b => b.GetProperty("name").GetString() == "px1");
        Assert.Equal("double", px1.GetProperty("type").GetString());
        Assert.Equal("column", px1.GetProperty("read_as").GetString());
        Assert.Equal("lzma level 4", px1.GetProperty("compression").GetString());
        JsonElement type = branches.Single(b => b.GetProperty("name").GetString() == "Type");
        Assert.Equal("text side channel", type.GetProperty("read_as").GetString());

        (code, text) = CliRunner.Run("info", SharedData.Require("root/uproot-sample-6.20.04-lz4.root"));
        Assert.True(code == 0, text);
        Assert.Contains("float[n]", text, StringComparison.Ordinal);
        Assert.Contains("30 entries", text, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void RNTuple_is_named_as_not_supported_yet()
    {
        string path = SharedData.Require("root/Run2012BC_DoubleMuParked_Muons_1000evts_rntuple_v1-0-0-0.root");
        (int code, string text) = CliRunner.Run("info", path);
        Assert.True(code == 0, text);
        Assert.Contains("Events (ROOT::RNTuple): RNTuple is not supported yet", text, StringComparison.Ordinal);

        (code, text) = CliRunner.Run("train", "--input", path, "--epochs", "1", "--out", Path.Combine(dir, "model"));
        Assert.Equal(1, code);
        Assert.Contains("RNTuple is not supported yet", text, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void Root_files_are_detected_by_content_and_trees_named_after_a_hash()
    {
        string source = SharedData.Require("root/uproot-leaflist.root");
        string renamed = Path.Combine(dir, "leaflist.dat");
        File.Copy(source, renamed);
        Assert.Equal(InputFormat.Root, InputLoader.Detect(renamed));
        Assert.Equal(InputFormat.Root, InputLoader.Detect(source + "#tree"));

        (int code, string text) = CliRunner.Run("info", renamed + "#tree", "--columns", "leaflist.x,leaflist.y", "--json");
        Assert.True(code == 0, text);
        using JsonDocument doc = JsonDocument.Parse(text);
        Assert.Equal(5, doc.RootElement.GetProperty("rows").GetInt64());

        (code, text) = CliRunner.Run("info", source + "#nope", "--columns", "leaflist.x");
        Assert.Equal(1, code);
        Assert.Contains("no object 'nope'", text, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void Array_and_string_branches_asked_for_as_columns_say_what_they_are()
    {
        string path = SharedData.Require("root/uproot-sample-6.20.04-zlib.root");
        (int code, string text) = CliRunner.Run("info", path, "--columns", "i4,Ai4");
        Assert.Equal(1, code);
        Assert.Contains("branch 'Ai4' (int32[n])", text, StringComparison.Ordinal);
        Assert.Contains("several numbers per entry", text, StringComparison.Ordinal);
        (code, text) = CliRunner.Run("info", path, "--columns", "str");
        Assert.Equal(1, code);
        Assert.Contains("strings (TLeafC) are not numbers", text, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void Train_compress_decompress_keeps_unchosen_branches_exact()
    {
        string input = SharedData.Require("root/uproot-Zmumu-zstd.root");
        string model = Path.Combine(dir, "model");
        (int code, string text) = CliRunner.Run("train", "--input", input, "--columns", "E1,px1,py1,pz1", "--epochs", "2", "--preset", "small", "--out", model);
        Assert.True(code == 0, text);
        string archive = Path.Combine(dir, "zmumu.sieve");
        (code, text) = CliRunner.Run("compress", "--model", model, "--input", input, "--out", archive);
        Assert.True(code == 0, text);
        string output = Path.Combine(dir, "zmumu.csv");
        (code, text) = CliRunner.Run("decompress", "--input", archive, "--out", output);
        Assert.True(code == 0, text);

        // Sieve writes no ROOT files: the table comes back as CSV, unchosen branches verbatim.
        FeatureTable original = RootTableReader.Read(input);
        FeatureTable back = CsvTableReader.Read(output, new CsvTableOptions { FeatureColumns = ["E1", "px1", "py1", "pz1"] });
        Assert.Equal(original.RowCount, back.RowCount);
        Assert.Equal(original.SideChannels.Single(c => c.Name == "Type").Values, back.SideChannels.Single(c => c.Name == "Type").Values);
        IReadOnlyList<string> events = back.SideChannels.Single(c => c.Name == "Event").Values;
        int column = original.IndexOf("Event");
        for (int r = 0; r < original.RowCount; r++)
        {
            Assert.Equal(original[r, column], double.Parse(events[r], CultureInfo.InvariantCulture));
        }
    }

    [SkippableFact]
    public void A_slot_layout_reads_the_trees_collections_as_events_through_every_verb()
    {
        string path = SharedData.Require("root/uproot-mc10events.root");
        (int code, string text) = CliRunner.Run("info", path, "--format", "rootevents", "--json");
        Assert.True(code == 0, text);
        using (JsonDocument doc = JsonDocument.Parse(text))
        {
            Assert.Equal(10, doc.RootElement.GetProperty("event_count").GetInt64());
            JsonElement kinds = doc.RootElement.GetProperty("objects_per_kind");
            Assert.Equal(14, kinds.GetProperty("m-").GetInt64() + kinds.GetProperty("m+").GetInt64());
        }

        // 8 jets per event on average: more than the 6 jet slots, so --allow-drop.
        string model = Path.Combine(dir, "events-model"), archive = Path.Combine(dir, "events.sieve"), output = Path.Combine(dir, "events.csv");
        (code, text) = CliRunner.Run("train", "--input", path, "--layout", "fixed-slots", "--allow-drop", "--preset", "small", "--epochs", "2", "--out", model);
        Assert.True(code == 0, text);
        (code, text) = CliRunner.Run("compress", "--model", model, "--input", path, "--allow-drop", "--out", archive);
        Assert.True(code == 0, text);
        Assert.Equal(0, CliRunner.Run("decompress", "--input", archive, "--out", output).ExitCode);
        Assert.Equal(10, Sieve.IO.DarkMachines.DarkMachinesReader.Read(output).Count());
        (code, text) = CliRunner.Run("score", "--model", model, "--input", path, "--allow-drop", "--out", Path.Combine(dir, "events-scores.csv"));
        Assert.True(code == 0, text);
        (code, text) = CliRunner.Run("evaluate", "--original", path, "--format", "rootevents", "--reconstructed", output, "--out", Path.Combine(dir, "events-report"));
        Assert.True(code == 0, text);
    }

    [SkippableFact]
    public void Columns_take_glob_patterns()
    {
        string path = SharedData.Require("root/uproot-Zmumu-zstd.root");
        string model = Path.Combine(dir, "glob-model");
        (int code, string text) = CliRunner.Run("train", "--input", path, "--columns", "p?1,E1", "--normalisation", "zscore", "--preset", "small", "--epochs", "1", "--out", model);
        Assert.True(code == 0, text);
        Assert.Contains("4-", text, StringComparison.Ordinal); // px1, py1, pz1 and E1
        (code, text) = CliRunner.Run("train", "--input", path, "--columns", "Muon_*", "--preset", "small", "--epochs", "1", "--out", Path.Combine(dir, "none"));
        Assert.True(code == 1, text);
        Assert.Contains("matches no column", text, StringComparison.Ordinal);
    }
}
