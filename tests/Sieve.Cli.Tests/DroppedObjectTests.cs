using Sieve.Core.Events;
using Sieve.Core.Tables;
using Sieve.IO.DarkMachines;

namespace Sieve.Cli.Tests;

/// <summary>
/// Slot layouts on parton-level input (pp -> jj: both partons are read as hadrons h, a kind the
/// layouts have no slots for): refused unless --allow-drop, reported by train, compress and score,
/// and an evaluation with nothing left to compare fails instead of printing NaN.
/// </summary>
public sealed class DroppedObjectTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("sieve-drop-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    // A MadGraph-like pp -> jj file: two outgoing gluons/quarks (status 1) per event.
    private string DijetLhe(int events)
    {
        var rng = new Random(17);
        var lines = new List<string> { "<LesHouchesEvents version=\"3.0\">", "<init>", "2212 2212 6.5E+03 6.5E+03 -1 -1 -1 -1 3 1", "1.0E+00 1.0E-02 1.0E+00 1", "</init>" };
        for (int i = 0; i < events; i++)
        {
            double px = 50 + (200 * rng.NextDouble()), py = 100 * (rng.NextDouble() - 0.5), pz = 400 * (rng.NextDouble() - 0.5);
            double e = Math.Sqrt((px * px) + (py * py) + (pz * pz));
            FormattableString a = $" 21 1 1 2 501 502 {px:F4} {py:F4} {pz:F4} {e:F4} 0.0 0.0 9.0";
            FormattableString b = $" 2 1 1 2 501 0 {-px:F4} {-py:F4} {-pz:F4} {e:F4} 0.0 0.0 9.0";
            lines.AddRange(["<event>", " 2 1 0.5 91.0 0.0078 0.118", FormattableString.Invariant(a), FormattableString.Invariant(b), "</event>"]);
        }

        lines.Add("</LesHouchesEvents>");
        string path = Path.Combine(dir, "jj.lhe");
        File.WriteAllLines(path, lines);
        return path;
    }

    [Theory]
    [InlineData("fixed-slots")]
    [InlineData("l1")]
    public void A_layout_without_slots_for_the_objects_is_refused_and_allow_drop_reports_the_loss(string layout)
    {
        string lhe = DijetLhe(60);
        string model = Path.Combine(dir, "model");
        (int code, string text) = CliRunner.Run("train", "--input", lhe, "--layout", layout, "--preset", "small", "--epochs", "1", "--out", model);
        Assert.True(code == 1, text);
        Assert.Contains("would drop 120 of 120 objects (100.0 %)", text, StringComparison.Ordinal);
        Assert.Contains("h: 120 (no slots for this kind)", text, StringComparison.Ordinal);
        Assert.Contains("--allow-drop", text, StringComparison.Ordinal);
        Assert.False(Directory.Exists(model) && File.Exists(Path.Combine(model, "model.json")));

        (code, text) = CliRunner.Run("train", "--input", lhe, "--layout", layout, "--preset", "small", "--epochs", "1", "--allow-drop", "--out", model);
        Assert.True(code == 0, text);
        Assert.Contains("dropped 120 of 120 objects", text, StringComparison.Ordinal);

        string archive = Path.Combine(dir, "jj.sieve");
        (code, text) = CliRunner.Run("compress", "--model", model, "--input", lhe, "--out", archive);
        Assert.True(code == 1 && !File.Exists(archive), text);
        (code, text) = CliRunner.Run("compress", "--model", model, "--input", lhe, "--allow-drop", "--out", archive);
        Assert.True(code == 0, text);
        Assert.Contains("dropped 120 of 120 objects", text, StringComparison.Ordinal);

        (code, text) = CliRunner.Run("score", "--model", model, "--input", lhe, "--out", Path.Combine(dir, "s.csv"));
        Assert.True(code == 1, text);
        (code, text) = CliRunner.Run("score", "--model", model, "--input", lhe, "--allow-drop", "--out", Path.Combine(dir, "s.csv"));
        Assert.True(code == 0, text);
        Assert.Contains("dropped 120 of 120 objects", text, StringComparison.Ordinal);

        // Nothing survives: the decompressed events have no objects, and evaluate says so.
        string back = Path.Combine(dir, "back.csv");
        Assert.Equal(0, CliRunner.Run("decompress", "--input", archive, "--out", back).ExitCode);
        Assert.All(DarkMachinesReader.Read(back), e => Assert.Empty(e.Objects));
        (code, text) = CliRunner.Run("evaluate", "--original", lhe, "--reconstructed", back, "--out", Path.Combine(dir, "report"));
        Assert.True(code == 1, text);
        Assert.Contains("no value of the original has a counterpart", text, StringComparison.Ordinal);
        Assert.Contains("h 120", text, StringComparison.Ordinal);
        Assert.DoesNotContain("NaN", text, StringComparison.Ordinal);
    }
}
