using Sieve.Compression.Archive;
using Sieve.Core.Events;
using Sieve.Core.Synthetic;
using Sieve.Core.Tables;
using Sieve.IO.Tables;

namespace Sieve.Cli.Tests;

/// <summary>compress --method quantize: RMS targets met, archive version 3, corruption detected.</summary>
public sealed class QuantizeTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("sieve-quant-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    [Theory]
    [InlineData(0.003, 0.003)]
    [InlineData(0.01, 0.02)]
    public void Targets_are_met_for_every_feature(double relative, double absolute)
    {
        string input = Path.Combine(dir, "jets.csv");
        CsvTableWriter.Write(input, SyntheticJets.Generate(5000, 7));
        string archive = Path.Combine(dir, "q.sieve");
        string output = Path.Combine(dir, "q.csv");
        string targets = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"pt={relative * 100}%,m={relative * 100}%,eta={absolute},phi={absolute}");
        (int code, string text) = CliRunner.Run("compress", "--method", "quantize", "--input", input, "--columns", "m,pt,phi,eta", "--target-rms", targets, "--out", archive);
        Assert.True(code == 0, text);
        Assert.Equal(3, ArchiveReader.Read(archive).Header.FormatVersion);
        Assert.Equal(0, CliRunner.Run("decompress", "--input", archive, "--out", output).ExitCode);

        FeatureTable a = CsvTableReader.Read(input, new CsvTableOptions { FeatureColumns = SyntheticJets.Features });
        FeatureTable b = CsvTableReader.Read(output, new CsvTableOptions { FeatureColumns = SyntheticJets.Features });
        Assert.Equal(a.SideChannels[0].Values, b.SideChannels[0].Values);
        double Rms(IEnumerable<double> xs) => Math.Sqrt(xs.Select(x => x * x).Average());
        int m = a.IndexOf("m"), pt = a.IndexOf("pt"), eta = a.IndexOf("eta"), phi = a.IndexOf("phi");
        var rows = Enumerable.Range(0, a.RowCount).ToArray();
        Assert.True(Rms(rows.Select(r => (b[r, pt] - a[r, pt]) / a[r, pt])) <= relative);
        Assert.True(Rms(rows.Where(r => a[r, m] > 1).Select(r => (b[r, m] - a[r, m]) / a[r, m])) <= relative);
        Assert.True(Rms(rows.Select(r => b[r, eta] - a[r, eta])) <= absolute);
        Assert.True(Rms(rows.Select(r => Kinematics.WrapPhi(b[r, phi] - a[r, phi]))) <= absolute);
        // Uniform quantisation: no absolute error beyond half a step (step = 0.98 sqrt(12) target).
        Assert.True(rows.Max(r => Math.Abs(b[r, eta] - a[r, eta])) <= (0.98 * Math.Sqrt(12) * absolute / 2) + 1e-7);
    }

    [Fact]
    public void A_version_3_archive_detects_every_flipped_byte()
    {
        string input = Path.Combine(dir, "small.csv");
        CsvTableWriter.Write(input, SyntheticJets.Generate(20, 3));
        string archive = Path.Combine(dir, "small.sieve");
        Assert.Equal(0, CliRunner.Run("compress", "--method", "quantize", "--input", input, "--columns", "m,pt,phi,eta",
            "--target-rms", "pt=1%,m=1%,eta=0.01,phi=0.01", "--out", archive).ExitCode);
        byte[] good = File.ReadAllBytes(archive);
        for (int i = 0; i < good.Length; i++)
        {
            byte[] bad = (byte[])good.Clone();
            bad[i] ^= 0x04;
            var e = Assert.Throws<ArchiveCorruptException>(() => ArchiveReader.FromBytes(bad, "small.sieve"));
            Assert.Contains("checksum", e.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Missing_targets_are_named()
    {
        string input = Path.Combine(dir, "jets.csv");
        CsvTableWriter.Write(input, SyntheticJets.Generate(10, 1));
        (int code, string text) = CliRunner.Run("compress", "--method", "quantize", "--input", input, "--columns", "m,pt,phi,eta", "--target-rms", "pt=1%", "--out", Path.Combine(dir, "x.sieve"));
        Assert.Equal(1, code);
        Assert.Contains("m, phi, eta", text, StringComparison.Ordinal);
    }
}
