using System.Text.Json;
using Sieve.Core.Events;
using Sieve.Core.Layouts;
using Sieve.Core.Synthetic;
using Sieve.IO.DarkMachines;
using Sieve.IO.Tables;

namespace Sieve.Cli.Tests;

/// <summary>`sieve generate` and `sieve compare` end to end on a small VAE trained on synthetic jets.</summary>
public sealed class GenerationTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("sieve-generate-").FullName;

    [Fact]
    public void GenerateIsSeededAndCompareMeasuresItAgainstTheData()
    {
        string train = Path.Combine(root, "train.csv"), model = Path.Combine(root, "vae");
        CsvTableWriter.Write(train, SyntheticJets.Generate(2000, 1));
        (int code, string output) = CliRunner.Run("train", "--input", train, "--columns", "m,pt,phi,eta", "--preset", "small", "--vae", "--epochs", "3", "--out", model);
        Assert.True(code == 0, output);

        string a = Path.Combine(root, "a.csv"), b = Path.Combine(root, "b.csv"), c = Path.Combine(root, "c.csv");
        Assert.Equal(0, CliRunner.Run("generate", "--model", model, "--n", "600", "--out", a).ExitCode);
        Assert.Equal(0, CliRunner.Run("generate", "--model", model, "--n", "600", "--out", b).ExitCode);
        Assert.Equal(0, CliRunner.Run("generate", "--model", model, "--n", "600", "--seed", "7", "--out", c).ExitCode);

        var generated = CsvTableReader.Read(a);
        Assert.Equal(600, generated.RowCount);
        Assert.Equal(["m", "pt", "phi", "eta"], generated.FeatureNames);
        Assert.Equal(File.ReadAllBytes(a), File.ReadAllBytes(b));
        Assert.NotEqual(File.ReadAllBytes(a), File.ReadAllBytes(c));

        // A sample against itself: every W1 is exactly 0 and FPD is 0.
        (code, output) = CliRunner.Run("compare", "--reference", a, "--generated", a, "--json");
        Assert.True(code == 0, output);
        using (JsonDocument self = JsonDocument.Parse(output))
        {
            Assert.All(self.RootElement.GetProperty("w1").EnumerateArray(), w => Assert.Equal(0, w.GetProperty("full").GetDouble()));
            Assert.Equal(0, self.RootElement.GetProperty("fpd").GetProperty("value").GetDouble(), 9);
        }

        // Against the training data: files written, one plot pair per feature and the derived energy.
        string dir = Path.Combine(root, "compare");
        (code, output) = CliRunner.Run("compare", "--reference", train, "--generated", a, "--features", "m,pt,phi,eta", "--out", dir);
        Assert.True(code == 0, output);
        Assert.Contains("FPD", output, StringComparison.Ordinal);
        using JsonDocument report = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "compare.json")));
        Assert.Equal(2000, report.RootElement.GetProperty("reference_rows").GetInt32());
        Assert.Equal(4, report.RootElement.GetProperty("w1").GetArrayLength());
        Assert.Equal("E (from m, pt, eta)", report.RootElement.GetProperty("derived_w1")[0].GetProperty("feature").GetString());
        Assert.All(report.RootElement.GetProperty("w1").EnumerateArray(), w => Assert.True(w.GetProperty("full").GetDouble() > 0));
        foreach (string name in new[] { "m", "pt", "phi", "eta" })
        {
            Assert.True(File.Exists(Path.Combine(dir, $"compare-{name}.png")));
            Assert.StartsWith("<svg", File.ReadAllText(Path.Combine(dir, $"compare-{name}.svg")), StringComparison.Ordinal);
        }

        Assert.Contains("compare-pt.png", File.ReadAllText(Path.Combine(dir, "index.html")), StringComparison.Ordinal);

        // Fitted latents need a reference; with one they run.
        Assert.Equal(1, CliRunner.Run("generate", "--model", model, "--n", "10", "--latent", "fitted", "--out", Path.Combine(root, "x.csv")).ExitCode);
        Assert.False(File.Exists(Path.Combine(root, "x.csv")));
        Assert.Equal(0, CliRunner.Run("generate", "--model", model, "--n", "10", "--latent", "fitted", "--reference", train, "--out", Path.Combine(root, "x.csv")).ExitCode);
        Assert.Equal(10, CsvTableReader.Read(Path.Combine(root, "x.csv")).RowCount);
    }

    [Fact]
    public void ASlotModelDrawnFromThePosteriorWritesWholeEventsWithTheReferenceMultiplicities()
    {
        string train = Path.Combine(root, "events.csv"), model = Path.Combine(root, "slots");
        List<Event> reference = [.. SyntheticEvents.Generate(600, 3, signal: false)];
        DarkMachinesWriter.Write(train, reference);
        (int code, string output) = CliRunner.Run("train", "--input", train, "--layout", "fixed-slots", "--allow-drop", "--vae", "--epochs", "2", "--out", model);
        Assert.True(code == 0, output);

        string a = Path.Combine(root, "a.csv"), b = Path.Combine(root, "b.csv");
        (code, output) = CliRunner.Run("generate", "--model", model, "--n", "400", "--latent", "posterior", "--reference", train, "--out", a);
        Assert.True(code == 0, output);
        Assert.Equal(0, CliRunner.Run("generate", "--model", model, "--n", "400", "--latent", "posterior", "--reference", train, "--out", b).ExitCode);
        Assert.Equal(File.ReadAllBytes(a), File.ReadAllBytes(b));

        // Every generated event reads back as a DarkMachines event whose objects per kind are those of some
        // reference event (the counts come from the event its latent was drawn around), with physical values.
        // (The reference's multiplicities as the layout keeps them: objects beyond a kind's slots are dropped.)
        var multiplicities = FixedSlotLayout.ToEvents(FixedSlotLayout.ToTable(reference).Table).Select(Multiplicity).ToHashSet();
        List<Event> generated = [.. DarkMachinesReader.Read(a)];
        Assert.Equal(400, generated.Count);
        Assert.All(generated, e =>
        {
            Assert.Equal("generated", e.ProcessId);
            Assert.Equal(1, e.Weight);
            Assert.Contains(Multiplicity(e), multiplicities);
            Assert.True(e.Met >= 0);
            Assert.All(e.Objects, o => Assert.True(o.Pt >= 0 && o.Phi > -Math.PI && o.Phi <= Math.PI && double.IsFinite(o.Eta)));
        });
        Assert.True(generated.Select(Multiplicity).Distinct().Count() > 1, "the draws should cover more than one reference multiplicity");

        // The prior has no counts: slot rows, with the note pointing to the posterior.
        string rows = Path.Combine(root, "rows.csv");
        (code, output) = CliRunner.Run("generate", "--model", model, "--n", "50", "--out", rows);
        Assert.True(code == 0, output);
        Assert.Contains("--latent posterior", output, StringComparison.Ordinal);
        Assert.Equal(50, CsvTableReader.Read(rows).RowCount);
    }

    [Fact]
    public void PosteriorDrawsOfATableModelAreRowsAndNeedAReference()
    {
        string train = Path.Combine(root, "train.csv"), model = Path.Combine(root, "vae"), output = Path.Combine(root, "out.csv");
        CsvTableWriter.Write(train, SyntheticJets.Generate(800, 4));
        Assert.Equal(0, CliRunner.Run("train", "--input", train, "--columns", "m,pt,phi,eta", "--preset", "small", "--vae", "--epochs", "2", "--out", model).ExitCode);

        (int code, string text) = CliRunner.Run("generate", "--model", model, "--n", "10", "--latent", "posterior", "--out", output);
        Assert.Equal(1, code);
        Assert.Contains("--reference", text, StringComparison.Ordinal);
        Assert.False(File.Exists(output));

        (code, text) = CliRunner.Run("generate", "--model", model, "--n", "120", "--latent", "posterior", "--reference", train, "--out", output);
        Assert.True(code == 0, text);
        var table = CsvTableReader.Read(output);
        Assert.Equal(120, table.RowCount);
        Assert.Equal(["m", "pt", "phi", "eta"], table.FeatureNames);
    }

    [Fact]
    public void GenerateRefusesAPlainAutoencoder()
    {
        string train = Path.Combine(root, "train.csv"), model = Path.Combine(root, "ae"), output = Path.Combine(root, "out.csv");
        CsvTableWriter.Write(train, SyntheticJets.Generate(500, 2));
        Assert.Equal(0, CliRunner.Run("train", "--input", train, "--columns", "m,pt,phi,eta", "--preset", "small", "--epochs", "1", "--out", model).ExitCode);

        (int code, string text) = CliRunner.Run("generate", "--model", model, "--n", "10", "--out", output);

        Assert.Equal(1, code);
        Assert.Contains("VAE", text, StringComparison.Ordinal);
        Assert.False(File.Exists(output));
    }

    // Objects per kind, e.g. "j3 b1 m2": the multiplicity a slot layout keeps in its counts channel.
    private static string Multiplicity(Event e) =>
        string.Join(' ', e.Objects.GroupBy(o => o.Kind).OrderBy(g => g.Key).Select(g => $"{g.Key}{g.Count()}"));

    public void Dispose() => Directory.Delete(root, recursive: true);
}
