using Sieve.Compression.Archive;
using Sieve.Core.Events;
using Sieve.Core.Synthetic;
using Sieve.Core.Tables;
using Sieve.IO.Tables;

namespace Sieve.Cli.Tests;

/// <summary>compress --method quantize: RMS targets met (trellis and uniform), archive version 5, corruption detected.</summary>
public sealed class QuantizeTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("sieve-quant-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    [Theory]
    [InlineData(0.003, 0.003, "trellis")]
    [InlineData(0.01, 0.02, "trellis")]
    [InlineData(0.003, 0.003, "uniform")]
    [InlineData(0.01, 0.02, "uniform")]
    public void Targets_are_met_for_every_feature(double relative, double absolute, string quantiser)
    {
        string input = Path.Combine(dir, "jets.csv");
        CsvTableWriter.Write(input, SyntheticJets.Generate(5000, 7));
        string archive = Path.Combine(dir, "q.sieve");
        string output = Path.Combine(dir, "q.csv");
        string targets = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"pt={relative * 100}%,m={relative * 100}%,eta={absolute},phi={absolute}");
        (int code, string text) = CliRunner.Run("compress", "--method", "quantize", "--input", input, "--columns", "m,pt,phi,eta", "--target-rms", targets,
            "--quantiser", quantiser, "--out", archive);
        Assert.True(code == 0, text);
        ArchiveHeader header = ArchiveReader.Read(archive).Header;
        Assert.Equal(ArchiveFormat.ChunkedVersion, header.FormatVersion);
        Assert.Equal(quantiser == "trellis" ? LatentQuantisation.Trellis : LatentQuantisation.Uniform, header.Latent.Quantisation);
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
        // No absolute error beyond half a step (uniform), or two steps (the trellis's worst case), plus the
        // digits the decompressed file leaves out (at most 2 % of a step).
        double step = header.Normaliser!["transforms"]!.AsArray().Single(t => (string?)t!["feature"] == "eta")!["scale"]!.GetValue<double>();
        double worst = (quantiser == "trellis" ? 2 : 0.5) + Sieve.Core.Normalisation.PrintedPrecision.StepFraction;
        Assert.True(rows.Max(r => Math.Abs(b[r, eta] - a[r, eta])) <= worst * step * (1 + 1e-6));
    }

    /// <summary>Beyond 65,536 rows the step search runs on a sample; every row of the whole file still meets the targets.</summary>
    [Fact]
    public void Steps_searched_on_a_sample_meet_the_targets_on_every_row()
    {
        string input = Path.Combine(dir, "many.csv");
        CsvTableWriter.Write(input, SyntheticJets.Generate(3 * Sieve.Pipeline.QuantizeWorkflow.StepSearchRows / 2, 13));
        string archive = Path.Combine(dir, "many.sieve"), output = Path.Combine(dir, "many-out.csv");
        (int code, string text) = CliRunner.Run("compress", "--method", "quantize", "--input", input, "--columns", "m,pt,phi,eta", "--target-rms", "pt=0.3%,m=0.3%,eta=0.003,phi=0.003", "--out", archive);
        Assert.True(code == 0, text);
        Assert.Equal(0, CliRunner.Run("decompress", "--input", archive, "--out", output).ExitCode);

        FeatureTable a = CsvTableReader.Read(input, new CsvTableOptions { FeatureColumns = SyntheticJets.Features });
        FeatureTable b = CsvTableReader.Read(output, new CsvTableOptions { FeatureColumns = SyntheticJets.Features });
        double Rms(IEnumerable<double> xs) => Math.Sqrt(xs.Select(x => x * x).Average());
        int m = a.IndexOf("m"), pt = a.IndexOf("pt"), eta = a.IndexOf("eta"), phi = a.IndexOf("phi");
        int[] rows = [.. Enumerable.Range(0, a.RowCount)];
        Assert.InRange(Rms(rows.Select(r => (b[r, pt] - a[r, pt]) / a[r, pt])), 0.0027, 0.003);
        Assert.InRange(Rms(rows.Where(r => a[r, m] > 1).Select(r => (b[r, m] - a[r, m]) / a[r, m])), 0.0027, 0.003);
        Assert.InRange(Rms(rows.Select(r => b[r, eta] - a[r, eta])), 0.0027, 0.003);
        Assert.InRange(Rms(rows.Select(r => Kinematics.WrapPhi(b[r, phi] - a[r, phi]))), 0.0027, 0.003);
    }

    [Fact]
    public void The_archive_is_the_same_with_one_thread_or_several()
    {
        string input = Path.Combine(dir, "threads.csv");
        CsvTableWriter.Write(input, SyntheticJets.Generate(8000, 17));
        byte[] Archive(int threads)
        {
            string archive = Path.Combine(dir, $"t{threads}.sieve");
            (int code, string text) = CliRunner.Run("compress", "--method", "quantize", "--input", input, "--columns", "m,pt,phi,eta",
                "--target-rms", "pt=0.3%,m=0.3%,eta=0.003,phi=0.003", "--threads", threads.ToString(System.Globalization.CultureInfo.InvariantCulture), "--out", archive);
            Assert.True(code == 0, text);
            return File.ReadAllBytes(archive);
        }

        Assert.Equal(Archive(1), Archive(4));
    }

    [Fact]
    public void The_trellis_writes_smaller_archives_than_uniform_rounding_at_the_same_targets()
    {
        string input = Path.Combine(dir, "jets.csv");
        CsvTableWriter.Write(input, SyntheticJets.Generate(20_000, 11));
        long Size(string quantiser)
        {
            string archive = Path.Combine(dir, $"{quantiser}.sieve");
            (int code, string text) = CliRunner.Run("compress", "--method", "quantize", "--input", input, "--columns", "m,pt,phi,eta",
                "--target-rms", "pt=0.3%,m=0.3%,eta=0.003,phi=0.003", "--quantiser", quantiser, "--out", archive);
            Assert.True(code == 0, text);
            return ArchiveInspector.Inspect(archive).LatentBytes;
        }

        long trellis = Size("trellis"), uniform = Size("uniform");

        // About 0.15 bit per value of 4 x 20,000 values: 1.5 kB; ask for a third of it.
        Assert.True(uniform - trellis > 500, $"trellis {trellis} B, uniform {uniform} B");
    }

    [Fact]
    public void The_trellis_refuses_max_error_bounds()
    {
        string input = Path.Combine(dir, "jets.csv");
        CsvTableWriter.Write(input, SyntheticJets.Generate(10, 1));
        (int code, string text) = CliRunner.Run("compress", "--method", "quantize", "--input", input, "--columns", "m,pt,phi,eta", "--max-error", "pt=1%,m=1%,eta=0.01,phi=0.01",
            "--quantiser", "trellis", "--out", Path.Combine(dir, "x.sieve"));
        Assert.Equal(1, code);
        Assert.Contains("--quantiser uniform", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("pt=1%,m=1%,eta=0.01,phi=0.01", 5)]
    [InlineData("pt=0.2%,m=0.5%,eta=0.002,phi=0.004", 6)]
    [InlineData("pt=5%,m=3%,eta=0.05,phi=0.02", 7)]
    public void Every_value_meets_its_max_error_bound(string bounds, int seed)
    {
        string input = Path.Combine(dir, $"jets{seed}.csv");
        CsvTableWriter.Write(input, SyntheticJets.Generate(4000, seed));
        AssertBoundsHold(input, bounds, "GeV");
    }

    [SkippableFact]
    public void Every_value_of_the_real_atlas_jets_meets_its_bound()
    {
        string input = Sieve.Tests.Shared.SharedData.Require("atlas-jets-4d/test.csv");
        AssertBoundsHold(input, "pt=0.5%,m=0.5%,eta=0.005,phi=0.005", "MeV");
    }

    private void AssertBoundsHold(string input, string bounds, string units)
    {
        string archive = Path.Combine(dir, "bounded.sieve");
        string output = Path.Combine(dir, "bounded.csv");
        (int code, string text) = CliRunner.Run("compress", "--method", "quantize", "--input", input, "--columns", "m,pt,phi,eta", "--units", units, "--max-error", bounds, "--out", archive);
        Assert.True(code == 0, text);
        Assert.Equal(0, CliRunner.Run("decompress", "--input", archive, "--out", output).ExitCode);

        // Checked here independently of `sieve evaluate`: every value, relative bounds over m > 1 GeV and pt > 0.
        FeatureTable a = CsvTableReader.Read(input, new CsvTableOptions { FeatureColumns = SyntheticJets.Features });
        FeatureTable b = CsvTableReader.Read(output, new CsvTableOptions { FeatureColumns = SyntheticJets.Features });
        double gev = units == "MeV" ? 1000 : 1;
        var limits = bounds.Split(',').Select(x => x.Split('=')).ToDictionary(p => p[0], p => p[1]);
        for (int r = 0; r < a.RowCount; r++)
        {
            foreach ((string name, string limit) in limits)
            {
                int f = a.IndexOf(name);
                double truth = a[r, f], reco = b[r, f];
                if (limit.EndsWith('%'))
                {
                    if ((name == "m" && truth <= gev) || truth <= 0)
                    {
                        continue;
                    }

                    double bound = double.Parse(limit[..^1], System.Globalization.CultureInfo.InvariantCulture) / 100;
                    Assert.True(Math.Abs((reco - truth) / truth) <= bound, $"row {r} {name}: {truth} -> {reco}");
                }
                else
                {
                    double bound = double.Parse(limit, System.Globalization.CultureInfo.InvariantCulture);
                    double d = name == "phi" ? Kinematics.WrapPhi(reco - truth) : reco - truth;
                    Assert.True(Math.Abs(d) <= bound, $"row {r} {name}: {truth} -> {reco}");
                }
            }
        }

        // sieve evaluate verifies the same bounds, and reports a broken one with exit code 1.
        string report = Path.Combine(dir, "bounded-report");
        (code, text) = CliRunner.Run("evaluate", "--original", input, "--reconstructed", output, "--columns", "m,pt,phi,eta", "--units", units, "--max-error", bounds, "--out", report);
        Assert.True(code == 0, text);
        Assert.DoesNotContain("BROKEN", text, StringComparison.Ordinal);
        (code, text) = CliRunner.Run("evaluate", "--original", input, "--reconstructed", output, "--columns", "m,pt,phi,eta", "--units", units, "--max-error", "eta=0.00001", "--out", report);
        Assert.Equal(1, code);
        Assert.Contains("BROKEN", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_quantised_archive_detects_every_flipped_byte()
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
            // A checksum mismatch, or a preamble or footer field out of its range: never a decoded table.
            Exception? e = Record.Exception(() => ArchiveReader.FromBytes(bad, "small.sieve"));
            Assert.True(e is ArchiveFormatException, $"byte {i}: {e?.GetType().Name ?? "read without error"}");
            Assert.Contains("small.sieve", e!.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Dropped_columns_are_left_out_and_not_written_back()
    {
        string input = Path.Combine(dir, "jets.csv");
        CsvTableWriter.Write(input, SyntheticJets.Generate(200, 4));
        string kept = Path.Combine(dir, "kept.sieve"), dropped = Path.Combine(dir, "dropped.sieve"), output = Path.Combine(dir, "dropped.csv");
        string[] common = ["compress", "--method", "quantize", "--input", input, "--columns", "m,pt,phi,eta", "--target-rms", "pt=1%,m=1%,eta=0.01,phi=0.01"];
        FeatureTable original = CsvTableReader.Read(input, new CsvTableOptions { FeatureColumns = SyntheticJets.Features });
        string index = original.SideChannels[0].Name;

        Assert.Equal(0, CliRunner.Run([.. common, "--out", kept]).ExitCode);
        (int code, string text) = CliRunner.Run([.. common, "--drop-columns", index, "--out", dropped]);
        Assert.True(code == 0, text);
        Assert.Equal(0, CliRunner.Run("decompress", "--input", dropped, "--out", output).ExitCode);

        Assert.Empty(ArchiveReader.Read(dropped).Header.Schema.SideChannelNames);
        Assert.True(new FileInfo(dropped).Length < new FileInfo(kept).Length);
        FeatureTable decoded = CsvTableReader.Read(output, new CsvTableOptions { FeatureColumns = SyntheticJets.Features });
        Assert.DoesNotContain(index, decoded.ColumnOrder);
        Assert.Equal(original.RowCount, decoded.RowCount);

        Assert.Contains("is a feature", CliRunner.Run([.. common, "--drop-columns", "pt", "--out", dropped]).Output, StringComparison.Ordinal);
        Assert.Contains("no such column", CliRunner.Run([.. common, "--drop-columns", "nope", "--out", dropped]).Output, StringComparison.Ordinal);
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
