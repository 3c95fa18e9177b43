using System.Text.Json;

namespace Sieve.Cli.Tests;

/// <summary>README command 1: `sieve demo` runs the whole path on the built-in synthetic sample.</summary>
public sealed class DemoTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("sieve-demo-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    [Fact]
    public void Demo_writes_a_labelled_report_with_plots_and_accounting()
    {
        (int code, string output) = CliRunner.Run("demo", "--out", dir, "--epochs", "3", "--rows", "4000");
        Assert.True(code == 0, output);
        Assert.Contains("synthetic", output, StringComparison.OrdinalIgnoreCase);

        string reportPath = Path.Combine(dir, "report", "report.json");
        using JsonDocument report = JsonDocument.Parse(File.ReadAllText(reportPath));
        JsonElement root = report.RootElement;
        Assert.True(root.GetProperty("synthetic").GetBoolean());
        Assert.True(root.GetProperty("bytes_per_row").GetDouble() > 0);
        Assert.True(root.GetProperty("compression_ratio").GetDouble() > 0);

        // Every byte accounted for: the sections add up to the archive's size on disk.
        JsonElement compression = root.GetProperty("compression");
        JsonElement sections = compression.GetProperty("sections");
        long total = sections.GetProperty("header").GetInt64() + sections.GetProperty("latents").GetInt64()
            + sections.GetProperty("side_channels").GetInt64() + sections.GetProperty("framing").GetInt64();
        Assert.Equal(new FileInfo(Path.Combine(dir, "synthetic-jets-test.sieve")).Length, total);
        Assert.Equal(compression.GetProperty("archive_bytes").GetInt64(), total);
        string[] names = [.. root.GetProperty("variables").EnumerateArray().Select(v => v.GetProperty("name").GetString()!)];
        Assert.Equal(["m", "pt", "phi", "eta"], names);
        foreach (JsonElement v in root.GetProperty("variables").EnumerateArray())
        {
            Assert.True(v.GetProperty("residual").GetProperty("rms").GetDouble() >= 0);
            bool relative = v.GetProperty("name").GetString() is "m" or "pt";
            Assert.Equal(relative, v.TryGetProperty("relative_residual", out _));
        }

        foreach (string png in Directory.GetFiles(Path.Combine(dir, "report"), "*.png"))
        {
            byte[] head = File.ReadAllBytes(png)[..8];
            Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, head);
        }

        Assert.Equal(4, Directory.GetFiles(Path.Combine(dir, "report"), "*.png").Length);
        Assert.True(File.Exists(Path.Combine(dir, "model", "history.csv")));
    }
}
