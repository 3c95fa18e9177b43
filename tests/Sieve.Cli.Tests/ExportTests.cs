using System.Text.Json;
using Sieve.Models.FixedPoint;
using Sieve.Pipeline;

namespace Sieve.Cli.Tests;

/// <summary>
/// `sieve export`: the float ONNX file with the documented inputs and outputs, the QDQ graph of a
/// quantised model, the hls4ml bundle with the model's stored types, and no partial output on errors
/// (ONNX Runtime runs the graphs in the models' tests).
/// </summary>
public class ExportTests(TrainedModelFixture fixture) : IClassFixture<TrainedModelFixture>
{
    private const string Type = "ap_fixed<12,6,AP_RND_CONV,AP_SAT>";
    private const string Accumulator = "ap_fixed<24,12,AP_RND_CONV,AP_SAT>";

    [Fact]
    public void A_trained_model_exports_to_an_onnx_file_with_its_inputs_and_outputs()
    {
        string path = fixture.Path("model.onnx");
        (int code, string text) = CliRunner.Run("export", "--model", fixture.ModelDir, "--onnx", path);
        Assert.True(code == 0, text);
        Assert.Contains("float ONNX, opset 17", text, StringComparison.Ordinal);
        Onnx.ModelProto model = Onnx.ModelProto.Parser.ParseFrom(File.ReadAllBytes(path));
        Assert.Equal(["features"], model.Graph.Input.Select(i => i.Name));
        Assert.Equal(["latent", "reconstruction"], model.Graph.Output.Select(o => o.Name));
        Assert.Equal(17, model.OpsetImport.Single().Version);
        Assert.Contains(model.Graph.Node, n => n.OpType == "Gemm");
        Assert.DoesNotContain(model.Graph.Node, n => n.OpType == "QuantizeLinear");
    }

    [Fact]
    public void A_quantised_model_exports_as_qdq_by_default_and_as_float_on_request()
    {
        string quantised = Quantised("q-onnx");
        string qdq = fixture.Path("q.onnx"), plain = fixture.Path("q-float.onnx");
        (int code, string text) = CliRunner.Run("export", "--model", quantised, "--onnx", qdq);
        Assert.True(code == 0, text);
        Assert.Contains("QDQ ONNX", text, StringComparison.Ordinal);
        Onnx.ModelProto model = Onnx.ModelProto.Parser.ParseFrom(File.ReadAllBytes(qdq));
        Assert.Equal(21, model.OpsetImport.Single().Version);
        Assert.Equal(["latent", "reconstruction"], model.Graph.Output.Select(o => o.Name));
        Assert.Contains(model.Graph.Node, n => n.OpType == "QuantizeLinear");
        Assert.Contains(model.Graph.Initializer, t => t.DataType == (int)Onnx.TensorProto.Types.DataType.Int16 && t.Name.EndsWith(".weight_quantized", StringComparison.Ordinal));

        (code, text) = CliRunner.Run("export", "--model", quantised, "--onnx", plain, "--form", "float");
        Assert.True(code == 0, text);
        Assert.Equal(17, Onnx.ModelProto.Parser.ParseFrom(File.ReadAllBytes(plain)).OpsetImport.Single().Version);
    }

    [Fact]
    public void The_hls4ml_bundle_carries_the_types_quantize_model_stored()
    {
        string quantised = Quantised("q-bundle");
        string bundle = fixture.Path("bundle");
        (int code, string text) = CliRunner.Run("export", "--model", quantised, "--hls4ml", bundle, "--reuse-factor", "4", "--json");
        Assert.True(code == 0, text);
        using (JsonDocument summary = JsonDocument.Parse(text))
        {
            JsonElement outcome = summary.RootElement.EnumerateArray().Single();
            Assert.True(outcome.GetProperty("types_stored").GetBoolean());
            Assert.Equal(["model.onnx", "hls4ml_config.json", "tb_input_features.dat", "tb_output_latent.dat", "tb_output_reconstruction.dat", "convert.py", "README.md"],
                outcome.GetProperty("files").EnumerateArray().Select(f => f.GetString()));
        }

        Assert.Equal(7, Directory.GetFiles(bundle).Length);
        (_, Sieve.Models.Inference.AutoencoderWeights weights) = FixedPointModels.Load(quantised);
        FixedPointPrecision stored = FixedPointModelFile.Read(quantised)!.Resolve(weights);
        using JsonDocument config = JsonDocument.Parse(File.ReadAllText(Path.Combine(bundle, "hls4ml_config.json")));
        JsonElement layers = config.RootElement.GetProperty("LayerName");
        Assert.Equal(4, config.RootElement.GetProperty("Model").GetProperty("ReuseFactor").GetInt32());
        foreach ((string name, LayerPrecision precision) in stored.Named())
        {
            JsonElement dense = layers.GetProperty(name.Replace('.', '_') + "_gemm").GetProperty("Precision");
            Assert.Equal(precision.Weight, ApFixedFormat.Parse(dense.GetProperty("weight").GetString()!));
            Assert.Equal(precision.Accumulator, ApFixedFormat.Parse(dense.GetProperty("accum").GetString()!));
            Assert.Equal(precision.Result, ApFixedFormat.Parse(dense.GetProperty("result").GetString()!));
        }

        Onnx.ModelProto model = Onnx.ModelProto.Parser.ParseFrom(File.ReadAllBytes(Path.Combine(bundle, "model.onnx")));
        Assert.All(model.Graph.Node, n => Assert.True(layers.TryGetProperty(n.Name, out _), $"node {n.Name} has no entry in hls4ml_config.json"));
    }

    [Fact]
    public void A_bundle_into_a_non_empty_directory_is_refused_and_leaves_it_as_it_was()
    {
        string bundle = fixture.Path("occupied");
        Directory.CreateDirectory(bundle);
        File.WriteAllText(Path.Combine(bundle, "keep.txt"), "mine");
        (int code, string text) = CliRunner.Run("export", "--model", fixture.ModelDir, "--hls4ml", bundle);
        Assert.NotEqual(0, code);
        Assert.Contains("not an empty directory", text, StringComparison.Ordinal);
        Assert.Equal(["keep.txt"], Directory.GetFileSystemEntries(bundle).Select(Path.GetFileName));
        Assert.DoesNotContain(Directory.GetDirectories(fixture.Root), d => Path.GetFileName(d).StartsWith("occupied.tmp-", StringComparison.Ordinal));
    }

    [Fact]
    public void A_missing_model_is_an_error_and_writes_nothing()
    {
        string path = fixture.Path("none.onnx"), bundle = fixture.Path("none-bundle");
        (int code, _) = CliRunner.Run("export", "--model", fixture.Path("no-such-model"), "--onnx", path, "--hls4ml", bundle);
        Assert.NotEqual(0, code);
        Assert.False(File.Exists(path));
        Assert.False(Directory.Exists(bundle));
    }

    [Fact]
    public void Options_that_cannot_be_met_are_refused_with_what_to_give_and_write_nothing()
    {
        string path = fixture.Path("float-qdq.onnx");
        (int code, string text) = CliRunner.Run("export", "--model", fixture.ModelDir, "--onnx", path, "--form", "qdq");
        Assert.NotEqual(0, code);
        Assert.Contains("sieve quantize-model", text, StringComparison.Ordinal);
        Assert.False(File.Exists(path));

        (code, text) = CliRunner.Run("export", "--model", fixture.ModelDir);
        Assert.NotEqual(0, code);
        Assert.Contains("--hls4ml", text, StringComparison.Ordinal);

        string bundle = fixture.Path("form-without-onnx");
        (code, text) = CliRunner.Run("export", "--model", fixture.ModelDir, "--hls4ml", bundle, "--form", "qdq");
        Assert.NotEqual(0, code);
        Assert.Contains("--form chooses the graph of --onnx", text, StringComparison.Ordinal);
        Assert.False(Directory.Exists(bundle));
    }

    private string Quantised(string name)
    {
        string dir = fixture.Path(name);
        (int code, string text) = CliRunner.Run("quantize-model", "--model", fixture.ModelDir, "--precision", Type, "--accumulator", Accumulator, "--out", dir);
        Assert.True(code == 0, text);
        return dir;
    }
}
