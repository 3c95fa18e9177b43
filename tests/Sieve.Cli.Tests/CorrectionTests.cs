using Sieve.Compression.Archive;
using Sieve.Core.Events;
using Sieve.Core.Synthetic;
using Sieve.Core.Tables;
using Sieve.IO.Tables;

namespace Sieve.Cli.Tests;

/// <summary>
/// compress --method ae with --max-error / --target-rms: quantised corrections on top of a (poor,
/// 3-epoch) autoencoder make every value meet its bound, or each RMS its target; checked here on
/// the decompressed file, independently of the code under test.
/// </summary>
public sealed class CorrectionTests : IClassFixture<TrainedModelFixture>
{
    private readonly TrainedModelFixture model;

    public CorrectionTests(TrainedModelFixture model) => this.model = model;

    [Theory]
    [InlineData("pt=0.5%,m=0.5%,eta=0.005,phi=0.005", "float32")]
    [InlineData("pt=2%,m=1%,eta=0.02,phi=0.001", "float16")]
    public void Every_value_meets_its_bound_whatever_the_autoencoder_got_wrong(string bounds, string dtype)
    {
        (FeatureTable a, FeatureTable b, ArchiveContent archive) = RoundTrip("--max-error", bounds, dtype);

        Assert.Equal(4, archive.Header.FormatVersion);
        Assert.Equal(LatentQuantisation.Uniform, archive.Header.Corrections!.Quantisation);
        foreach (string[] pair in bounds.Split(',').Select(p => p.Split('=')))
        {
            int f = a.IndexOf(pair[0]);
            bool relative = pair[1].EndsWith('%');
            double bound = double.Parse(relative ? pair[1][..^1] : pair[1], System.Globalization.CultureInfo.InvariantCulture) / (relative ? 100 : 1);
            for (int r = 0; r < a.RowCount; r++)
            {
                double truth = a[r, f], reco = b[r, f];
                if (relative && ((pair[0] == "m" && truth <= 1) || truth <= 0))
                {
                    continue;
                }

                double error = relative ? Math.Abs((reco - truth) / truth) : Math.Abs(pair[0] == "phi" ? Kinematics.WrapPhi(reco - truth) : reco - truth);
                Assert.True(error <= bound, $"row {r} {pair[0]}: {truth} -> {reco} (error {error}, bound {bound})");
            }
        }
    }

    [Fact]
    public void Rms_targets_are_met_with_trellis_corrections()
    {
        (FeatureTable a, FeatureTable b, ArchiveContent archive) = RoundTrip("--target-rms", "pt=0.3%,m=0.3%,eta=0.003,phi=0.003", "float32");

        Assert.Equal(LatentQuantisation.Trellis, archive.Header.Corrections!.Quantisation);
        double Rms(IEnumerable<double> xs) => Math.Sqrt(xs.Select(x => x * x).Average());
        int[] rows = [.. Enumerable.Range(0, a.RowCount)];
        int m = a.IndexOf("m"), pt = a.IndexOf("pt"), eta = a.IndexOf("eta"), phi = a.IndexOf("phi");
        Assert.InRange(Rms(rows.Select(r => (b[r, pt] - a[r, pt]) / a[r, pt])), 0.0025, 0.003);
        Assert.InRange(Rms(rows.Where(r => a[r, m] > 1).Select(r => (b[r, m] - a[r, m]) / a[r, m])), 0.0025, 0.003);
        Assert.InRange(Rms(rows.Select(r => b[r, eta] - a[r, eta])), 0.0025, 0.003);
        Assert.InRange(Rms(rows.Select(r => Kinematics.WrapPhi(b[r, phi] - a[r, phi]))), 0.0025, 0.003);
    }

    [Theory]
    [InlineData("0.05")]
    [InlineData("auto")]
    public void Quantised_latents_with_corrections_still_meet_every_bound(string step)
    {
        string archive = model.Path($"q{step}.sieve");
        string output = model.Path($"q{step}.csv");
        (int code, string text) = CliRunner.Run("compress", "--model", model.ModelDir, "--input", model.TestCsv, "--columns", "m,pt,phi,eta",
            "--max-error", "pt=1%,m=1%,eta=0.01,phi=0.01", "--latent-step", step, "--out", archive);
        Assert.True(code == 0, text);
        Assert.Equal(0, CliRunner.Run("decompress", "--input", archive, "--out", output).ExitCode);

        ArchiveHeader header = ArchiveReader.Read(archive).Header;
        Assert.Equal(LatentDType.Int32, header.Latent.DType);
        Assert.Equal(header.Latent.Dims, header.Latent.Steps!.Count);
        if (step == "0.05")
        {
            Assert.All(header.Latent.Steps, s => Assert.Equal(0.05, s));
        }

        var options = new CsvTableOptions { FeatureColumns = SyntheticJets.Features };
        FeatureTable a = CsvTableReader.Read(model.TestCsv, options), b = CsvTableReader.Read(output, options);
        int pt = a.IndexOf("pt"), eta = a.IndexOf("eta");
        Assert.All(Enumerable.Range(0, a.RowCount), r => Assert.True(Math.Abs((b[r, pt] - a[r, pt]) / a[r, pt]) <= 0.01 && Math.Abs(b[r, eta] - a[r, eta]) <= 0.01, $"row {r}"));
    }

    [Theory]
    [InlineData(new[] { "--latent-step", "auto" }, "needs --target-rms or --max-error")]
    [InlineData(new[] { "--latent-step", "0.1,0.2", "--max-error", "pt=1%,m=1%,eta=0.01,phi=0.01" }, "latent dimensions")]
    [InlineData(new[] { "--latent-step", "-1" }, "not a positive number")]
    public void Bad_latent_steps_are_explained(string[] extra, string message)
    {
        (int code, string text) = CliRunner.Run(["compress", "--model", model.ModelDir, "--input", model.TestCsv, "--columns", "m,pt,phi,eta", .. extra, "--out", model.Path("bad.sieve")]);
        Assert.Equal(1, code);
        Assert.Contains(message, text, StringComparison.Ordinal);
    }

    [Fact]
    public void An_embedded_model_decompresses_without_the_model_directory_and_is_counted()
    {
        string copy = model.Path("model-copy");
        Directory.CreateDirectory(copy);
        foreach (string file in Directory.GetFiles(model.ModelDir))
        {
            File.Copy(file, Path.Combine(copy, Path.GetFileName(file)));
        }

        string shared = model.Path("shared.sieve"), embedded = model.Path("embedded.sieve");
        string fromShared = model.Path("shared.csv"), fromEmbedded = model.Path("embedded.csv");
        Assert.Equal(0, CliRunner.Run("compress", "--model", copy, "--input", model.TestCsv, "--columns", "m,pt,phi,eta", "--out", shared).ExitCode);
        (int code, string text) = CliRunner.Run("compress", "--model", copy, "--input", model.TestCsv, "--columns", "m,pt,phi,eta", "--embed-model", "--out", embedded);
        Assert.True(code == 0, text);
        Assert.Contains("embedded", text, StringComparison.Ordinal);
        Assert.Equal(0, CliRunner.Run("decompress", "--input", shared, "--out", fromShared).ExitCode);
        Directory.Delete(copy, recursive: true);

        // The recorded model directory is gone: only the embedded archive still decodes, to the same values.
        Assert.Equal(1, CliRunner.Run("decompress", "--input", shared, "--out", model.Path("gone.csv")).ExitCode);
        (code, text) = CliRunner.Run("decompress", "--input", embedded, "--out", fromEmbedded);
        Assert.True(code == 0, text);
        // Same values (not compared byte for byte: two decoder runs in a busy test process may round the last float bit differently).
        var options = new CsvTableOptions { FeatureColumns = SyntheticJets.Features };
        FeatureTable a = CsvTableReader.Read(fromShared, options), b = CsvTableReader.Read(fromEmbedded, options);
        Assert.Equal(a.SideChannels[0].Values, b.SideChannels[0].Values);
        Assert.All(Enumerable.Range(0, a.Values.Length), i => Assert.Equal(a.Values[i], b.Values[i], Math.Max(1e-9, Math.Abs(a.Values[i]) * 1e-6)));

        ArchiveAccounting withModel = ArchiveInspector.Inspect(embedded), without = ArchiveInspector.Inspect(shared);
        long modelFiles = new FileInfo(Path.Combine(model.ModelDir, "model.json")).Length + new FileInfo(Path.Combine(model.ModelDir, "weights.bin")).Length;
        Assert.InRange(withModel.ModelBytes, modelFiles / 4, modelFiles + 64); // zstd may shrink it, never grow it much
        Assert.Equal(withModel.FileBytes, withModel.TotalBytes);
        Assert.Equal(0, without.ModelBytes);
        Assert.Equal(4, ArchiveReader.Read(embedded).Header.FormatVersion);
    }

    [Fact]
    public void Slot_layout_corrections_bound_every_real_object_and_skip_the_padding()
    {
        // Events in fixed slots: "pt=1%" applies to every slot's pt (j0_pt, e1_pt, ...) and MET.
        string events = model.Path("events.csv");
        Sieve.IO.DarkMachines.DarkMachinesWriter.Write(events, SyntheticEvents.Generate(400, 3, signal: false));
        string slotModel = model.Path("slot-model");
        (int code, string text) = CliRunner.Run("train", "--input", events, "--layout", "fixed-slots", "--preset", "small", "--epochs", "2", "--out", slotModel);
        Assert.True(code == 0, text);
        string archive = model.Path("slots.sieve"), output = model.Path("slots.csv");
        (code, text) = CliRunner.Run("compress", "--model", slotModel, "--input", events, "--max-error", "pt=1%,eta=0.01,phi=0.01", "--out", archive);
        Assert.True(code == 0, text);
        Assert.Equal(0, CliRunner.Run("decompress", "--input", archive, "--out", output).ExitCode);

        (code, text) = CliRunner.Run("evaluate", "--original", events, "--reconstructed", output, "--max-error", "pt=1%,eta=0.01,phi=0.01", "--out", model.Path("slots-report"));
        Assert.True(code == 0, text);
        Assert.DoesNotContain("BROKEN", text, StringComparison.Ordinal);

        // Padded slots carry no information: with no correction to make there, most corrections are 0.
        int[] corrections = ArchiveReader.Read(archive).Corrections!;
        Assert.True(corrections.Count(c => c == 0) > corrections.Length / 2, $"{corrections.Count(c => c == 0)} of {corrections.Length} corrections are 0");
    }

    [Fact]
    public void Corrections_are_accounted_for_and_need_the_model()
    {
        string archive = model.Path("acct.sieve");
        (int code, string text) = CliRunner.Run("compress", "--model", model.ModelDir, "--input", model.TestCsv, "--columns", "m,pt,phi,eta",
            "--max-error", "pt=1%,m=1%,eta=0.01,phi=0.01", "--out", archive);
        Assert.True(code == 0, text);
        Assert.Contains("Corrections", text, StringComparison.Ordinal);

        ArchiveAccounting accounting = ArchiveInspector.Inspect(archive);
        Assert.Equal(accounting.FileBytes, accounting.TotalBytes);
        ArchiveBlockAccount corrections = accounting.Blocks.Single(b => b.Kind == ArchiveBlockKind.Corrections);
        long columns = accounting.CorrectionColumns!.Sum(c => c.Bytes);
        Assert.InRange(corrections.StoredBytes - columns, 1, 64); // the table's shape, order and CRC
        Assert.Equal(["eta", "m", "phi", "pt"], accounting.CorrectionColumns!.Select(c => c.Name).Order());

        // evaluate's report.json: every section, corrections included, adds up to the file.
        string output = model.Path("acct.csv");
        string report = model.Path("acct-report");
        Assert.Equal(0, CliRunner.Run("decompress", "--input", archive, "--out", output).ExitCode);
        (code, text) = CliRunner.Run("evaluate", "--original", model.TestCsv, "--reconstructed", output, "--columns", "m,pt,phi,eta", "--archive", archive, "--out", report);
        Assert.True(code == 0, text);
        using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(report, "report.json")));
        System.Text.Json.JsonElement compression = json.RootElement.GetProperty("compression");
        System.Text.Json.JsonElement sections = compression.GetProperty("sections");
        Assert.Equal(compression.GetProperty("archive_bytes").GetInt64(), sections.GetProperty("total").GetInt64());
        Assert.Equal(corrections.StoredBytes, sections.GetProperty("corrections").GetInt64());
        Assert.InRange(sections.GetProperty("header_normaliser").GetInt64(), 100, sections.GetProperty("header").GetInt64());
    }

    [Fact]
    public void Corrections_without_a_latent_choice_quantise_the_latents_and_make_the_archive_smaller()
    {
        string quantised = model.Path("default-latents.sieve"), floats = model.Path("float-latents.sieve");
        string[] common = ["compress", "--model", model.ModelDir, "--input", model.TestCsv, "--columns", "m,pt,phi,eta", "--target-rms", "pt=0.3%,m=0.3%,eta=0.003,phi=0.003"];
        (int code, string text) = CliRunner.Run([.. common, "--out", quantised]);
        Assert.True(code == 0, text);
        (code, text) = CliRunner.Run([.. common, "--latent-dtype", "float32", "--out", floats]);
        Assert.True(code == 0, text);

        LatentEncoding latent = ArchiveReader.Read(quantised).Header.Latent;
        Assert.Equal(LatentDType.Int32, latent.DType);
        Assert.NotNull(latent.Steps);
        Assert.Equal(LatentDType.Float32, ArchiveReader.Read(floats).Header.Latent.DType);
        Assert.True(new FileInfo(quantised).Length < new FileInfo(floats).Length, $"{new FileInfo(quantised).Length} bytes with quantised latents, {new FileInfo(floats).Length} with float32");
    }

    private (FeatureTable Original, FeatureTable Decoded, ArchiveContent Archive) RoundTrip(string option, string targets, string dtype)
    {
        string name = Guid.NewGuid().ToString("N");
        string archive = model.Path(name + ".sieve");
        string output = model.Path(name + ".csv");
        (int code, string text) = CliRunner.Run("compress", "--model", model.ModelDir, "--input", model.TestCsv, "--columns", "m,pt,phi,eta",
            option, targets, "--latent-dtype", dtype, "--out", archive);
        Assert.True(code == 0, text);
        (code, text) = CliRunner.Run("decompress", "--input", archive, "--out", output);
        Assert.True(code == 0, text);
        var options = new CsvTableOptions { FeatureColumns = SyntheticJets.Features };
        return (CsvTableReader.Read(model.TestCsv, options), CsvTableReader.Read(output, options), ArchiveReader.Read(archive));
    }
}
