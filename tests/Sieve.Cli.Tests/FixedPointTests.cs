using System.Globalization;
using System.Text.Json;
using Sieve.Core.Synthetic;
using Sieve.Core.Tables;
using Sieve.IO.Tables;
using Sieve.Models.Autoencoders;
using Sieve.Models.Checkpoints;
using Sieve.Models.FixedPoint;
using Sieve.Models.Inference;

namespace Sieve.Cli.Tests;

/// <summary>quantize-model and its bit scan through the CLI, on the small model trained once for these tests.</summary>
public sealed class FixedPointTests : IClassFixture<TrainedModelFixture>
{
    private readonly TrainedModelFixture model;

    public FixedPointTests(TrainedModelFixture model) => this.model = model;

    [Fact]
    public void Score_with_the_fixed_point_engine_emulates_the_stored_types()
    {
        // Wide types: the emulated scores follow the float ones; a 6-bit type moves them.
        string wide = model.Path("fp-wide"), narrow = model.Path("fp-narrow");
        Assert.Equal(0, CliRunner.Run("quantize-model", "--model", model.ModelDir, "--precision", "ap_fixed<28,10>", "--out", wide).ExitCode);
        Assert.Equal(0, CliRunner.Run("quantize-model", "--model", model.ModelDir, "--precision", "ap_fixed<6,2,AP_RND,AP_SAT>", "--out", narrow).ExitCode);
        double[] Scores(string dir, string engine)
        {
            string output = model.Path($"scores-{Path.GetFileName(dir)}-{engine}.csv");
            (int code, string text) = CliRunner.Run("score", "--model", dir, "--input", model.TestCsv, "--engine", engine, "--out", output);
            Assert.True(code == 0, text);
            FeatureTable table = CsvTableReader.Read(output, new CsvTableOptions { FeatureColumns = ["score_recon"] });
            return table.Column(0);
        }

        double[] reference = Scores(wide, "native");
        double[] emulated = Scores(wide, "fixed-point");
        double[] coarse = Scores(narrow, "fixed-point");
        Assert.Equal(reference.Length, emulated.Length);
        // hls4ml's 1,024-entry tanh table, not the width, bounds how close 28 bits come (docs/fixed-point.md).
        double scale = reference.Average();
        double wideError = reference.Zip(emulated).Average(p => Math.Abs(p.First - p.Second));
        double coarseError = reference.Zip(coarse).Average(p => Math.Abs(p.First - p.Second));
        Assert.True(wideError < 0.3 * scale, $"28-bit emulation {wideError} from float (mean score {scale})");
        Assert.True(coarseError > 3 * wideError, $"6 bits ({coarseError}) no farther from float than 28 ({wideError})");

        (int missingCode, string missingText) = CliRunner.Run("score", "--model", model.ModelDir, "--input", model.TestCsv, "--engine", "fixed-point", "--out", model.Path("none.csv"));
        Assert.Equal(1, missingCode);
        Assert.Contains("quantize-model", missingText, StringComparison.Ordinal);
    }

    [Fact]
    public void Quantize_model_writes_a_readable_copy_with_the_configuration_and_true_statistics()
    {
        string output = model.Path("q-sat-" + Guid.NewGuid().ToString("N")[..6]);
        (int code, string text) = CliRunner.Run("quantize-model", "--model", model.ModelDir, "--precision", "ap_fixed<6,1,AP_RND,AP_SAT>", "--out", output);
        Assert.True(code == 0, text);
        Assert.Contains("encoder.0", text, StringComparison.Ordinal);
        Assert.Contains("decoder.0", text, StringComparison.Ordinal);
        Assert.Contains("ap_fixed<6,1,AP_RND,AP_SAT>", text, StringComparison.Ordinal);

        // The copy loads as any model does (model.json untouched) and carries the configuration.
        (IAutoencoder copy, ModelManifest manifest) = ModelCheckpoint.Load(output);
        copy.Dispose();
        Assert.Equal(ModelCheckpoint.ReadManifest(model.ModelDir).Schema.FeatureNames, manifest.Schema.FeatureNames);
        Assert.Equal("ap_fixed<6,1,AP_RND,AP_SAT>", FixedPointModelFile.Read(output)!.Precision.ToString());
        Assert.Null(FixedPointModelFile.Read(model.ModelDir));

        // --json: the same per-layer statistics, which match a count made here from the float weights:
        // ap_fixed<6,1> holds [-1, 0.96875] in steps of 1/32; AP_RND sends |w| < 1/64 to 0.
        (code, text) = CliRunner.Run("quantize-model", "--model", model.ModelDir, "--precision", "ap_fixed<6,1,AP_RND,AP_SAT>", "--json", "--out", output + "-json");
        Assert.True(code == 0, text);
        using JsonDocument json = JsonDocument.Parse(text);
        (IAutoencoder original, _) = ModelCheckpoint.Load(model.ModelDir);
        AutoencoderWeights weights = AutoencoderWeightsExport.TryFrom(original)!;
        original.Dispose();
        JsonElement first = json.RootElement[0];
        float[] w = weights.Encoder.Layers[0].Weights;
        Assert.Equal("encoder.0", first.GetProperty("name").GetString());
        Assert.Equal(w.Length, first.GetProperty("weights").GetProperty("count").GetInt32());
        Assert.Equal(w.Count(v => v >= 0.96875 + (1 / 64.0) || v < -1 - (1 / 64.0)), first.GetProperty("weights").GetProperty("overflowed").GetInt32());
        Assert.Equal(w.Count(v => v != 0 && v >= -1 / 64.0 && v < 1 / 64.0), first.GetProperty("weights").GetProperty("zeroed").GetInt32());
        double worst = w.Max(v => Math.Abs(Math.Clamp(Math.Floor((v * 32) + 0.5) / 32, -1, 0.96875) - v));
        Assert.Equal(worst, first.GetProperty("weights").GetProperty("max_abs_error").GetDouble(), 12);
    }

    [Fact]
    public void Per_layer_files_apply_and_mistakes_are_reported()
    {
        string config = model.Path("per-layer-" + Guid.NewGuid().ToString("N")[..6] + ".json");
        File.WriteAllText(config, """{"precision": "ap_fixed<12,4>", "accumulator": "ap_fixed<20,8>", "layers": {"decoder.0": {"weight": "ap_fixed<8,2,AP_RND_CONV>"}}}""");
        string output = model.Path("q-layers-" + Guid.NewGuid().ToString("N")[..6]);
        (int code, string text) = CliRunner.Run("quantize-model", "--model", model.ModelDir, "--per-layer", config, "--out", output);
        Assert.True(code == 0, text);
        FixedPointConfig stored = FixedPointModelFile.Read(output)!;
        Assert.Equal("ap_fixed<20,8>", stored.Accumulator!.ToString());
        Assert.Equal("ap_fixed<8,2,AP_RND_CONV>", stored.Layers!["decoder.0"].Weight!.ToString());
        Assert.Contains("ap_fixed<8,2,AP_RND_CONV> / ap_fixed<12,4>", text, StringComparison.Ordinal);

        // The output directory now exists and is not empty: refused.
        (code, text) = CliRunner.Run("quantize-model", "--model", model.ModelDir, "--per-layer", config, "--out", output);
        Assert.Equal(1, code);
        Assert.Contains("not empty", text, StringComparison.Ordinal);

        File.WriteAllText(config, """{"precision": "ap_fixed<12,4>", "layers": {"encoder.9": {"weight": "ap_fixed<8,2>"}}}""");
        (code, text) = CliRunner.Run("quantize-model", "--model", model.ModelDir, "--per-layer", config, "--out", output + "-bad");
        Assert.Equal(1, code);
        Assert.Contains("'encoder.9'", text, StringComparison.Ordinal);

        (code, text) = CliRunner.Run("quantize-model", "--model", model.ModelDir, "--precision", "ap_fixed<16>", "--out", output + "-bad");
        Assert.Equal(1, code);
        Assert.Contains("expected ap_fixed<W,I>", text, StringComparison.Ordinal);
        Assert.False(Directory.Exists(output + "-bad"));
    }

    [Fact]
    public void The_bit_scan_tabulates_plots_and_closes_in_on_the_float_score()
    {
        // A signal: the test jets with every feature stretched, so the float model separates it.
        FeatureTable test = SyntheticJets.Generate(400, 5, 7000);
        string signal = model.Path("fp-signal.csv");
        CsvTableWriter.Write(signal, new FeatureTable(test.FeatureNames, [.. test.Values.Select(v => v * 1.7)], test.RowCount, test.SideChannels, test.ColumnOrder));
        string output = model.Path("scan-" + Guid.NewGuid().ToString("N")[..6]);
        (int code, string text) = CliRunner.Run("quantize-model", "--model", model.ModelDir, "--scan", "6:20", "--integer-bits", "5",
            "--input", model.TestCsv, "--signal", signal, "--out", output);
        Assert.True(code == 0, text);
        Assert.Contains("ap_fixed<20,5>", text, StringComparison.Ordinal);
        foreach (string file in new[] { "bit-scan.txt", "bit-scan.json", "bit-scan.png", "bit-scan-auc.png" })
        {
            Assert.True(File.Exists(Path.Combine(output, file)), file);
        }

        using JsonDocument json = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "bit-scan.json")));
        JsonElement root = json.RootElement;
        Assert.Equal("sieve.bit-scan/1", root.GetProperty("schema").GetString());
        JsonElement[] rows = [.. root.GetProperty("rows").EnumerateArray()];
        Assert.Equal(Enumerable.Range(6, 15), rows.Select(r => r.GetProperty("total_bits").GetInt32()));
        Assert.Equal(500, root.GetProperty("background_events").GetInt32());

        // The float score is sieve score's: the same mean over the same events.
        string scores = model.Path("fp-scores-" + Guid.NewGuid().ToString("N")[..6] + ".csv");
        (code, text) = CliRunner.Run("score", "--model", model.ModelDir, "--input", model.TestCsv, "--out", scores);
        Assert.True(code == 0, text);
        double[] recon = [.. File.ReadLines(scores).Skip(1).Select(l => double.Parse(l.Split(',')[2], CultureInfo.InvariantCulture))];
        double meanFloat = root.GetProperty("mean_float_score").GetDouble();
        Assert.Equal(recon.Average(), meanFloat, 5);

        // hls4ml's default tanh table (1024 entries over [-4, 4), ap_fixed<18,8> entries) puts a floor under
        // the distance; with a fine table (2^18 entries, 22 fraction bits) the 20-bit score is within 1 %
        // of the float score on average and the AUC within 0.01, and closer than with the default table.
        string fine = model.Path("fine-table-" + Guid.NewGuid().ToString("N")[..6] + ".json");
        File.WriteAllText(fine, """{"precision": "ap_fixed<16,5>", "table": "ap_fixed<24,2>", "table_size": 262144}""");
        (code, text) = CliRunner.Run("quantize-model", "--model", model.ModelDir, "--per-layer", fine, "--scan", "12:20",
            "--input", model.TestCsv, "--signal", signal, "--out", output + "-fine");
        Assert.True(code == 0, text);
        using JsonDocument fineJson = JsonDocument.Parse(File.ReadAllText(Path.Combine(output + "-fine", "bit-scan.json")));
        JsonElement widest = fineJson.RootElement.GetProperty("rows").EnumerateArray().Last();
        Assert.Equal("ap_fixed<20,5>", widest.GetProperty("precision").GetString());
        double fineMean = widest.GetProperty("mean_abs_score_difference").GetDouble();
        Assert.True(fineMean < 0.01 * meanFloat, $"{fineMean} against mean score {meanFloat}");
        Assert.True(Math.Abs(widest.GetProperty("auc").GetDouble() - root.GetProperty("float_auc").GetDouble()) < 0.01, widest.ToString());
        double defaultMean = rows[^1].GetProperty("mean_abs_score_difference").GetDouble();
        Assert.True(fineMean < defaultMean, $"fine table {fineMean}, default table {defaultMean}");
        double[] mean = [.. rows.Select(r => r.GetProperty("mean_abs_score_difference").GetDouble())];
        Assert.True(mean[^1] < mean[6], $"20 bits {mean[^1]} vs 12 bits {mean[6]}");
    }

    [Fact]
    public void Train_with_qat_records_the_type_and_refuses_bad_text()
    {
        string dir = model.Path("qat-" + Guid.NewGuid().ToString("N")[..6]);
        (int code, string text) = CliRunner.Run("train", "--input", model.TrainCsv, "--columns", "m,pt,phi,eta", "--preset", "small", "--epochs", "2",
            "--qat", "ap_fixed<8,3,AP_RND,AP_SAT>", "--out", dir);
        Assert.True(code == 0, text);
        Assert.Contains("\"quantisation_aware\": \"ap_fixed<8,3,AP_RND,AP_SAT>\"", File.ReadAllText(Path.Combine(dir, "run.json")), StringComparison.Ordinal);
        (code, text) = CliRunner.Run("quantize-model", "--model", dir, "--precision", "ap_fixed<8,3,AP_RND,AP_SAT>", "--out", dir + "-q");
        Assert.True(code == 0, text);

        (code, text) = CliRunner.Run("train", "--input", model.TrainCsv, "--columns", "m,pt,phi,eta", "--epochs", "1", "--qat", "int8", "--out", dir + "-bad");
        Assert.Equal(1, code);
        Assert.Contains("'int8' is not a fixed-point type", text, StringComparison.Ordinal);
    }
}
