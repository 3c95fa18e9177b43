namespace Sieve.Cli.Tests;

/// <summary>`sieve export --onnx`: the file is a readable ONNX model with the documented inputs and outputs (ONNX Runtime runs it in the models' tests).</summary>
public class ExportTests(TrainedModelFixture fixture) : IClassFixture<TrainedModelFixture>
{
    [Fact]
    public void A_trained_model_exports_to_an_onnx_file_with_its_inputs_and_outputs()
    {
        string path = fixture.Path("model.onnx");
        (int code, string text) = CliRunner.Run("export", "--model", fixture.ModelDir, "--onnx", path);
        Assert.True(code == 0, text);
        Assert.Contains("ONNX opset 17", text, StringComparison.Ordinal);
        Onnx.ModelProto model = Onnx.ModelProto.Parser.ParseFrom(File.ReadAllBytes(path));
        Assert.Equal(["features"], model.Graph.Input.Select(i => i.Name));
        Assert.Equal(["latent", "reconstruction"], model.Graph.Output.Select(o => o.Name));
        Assert.Equal(17, model.OpsetImport.Single().Version);
        Assert.Contains(model.Graph.Node, n => n.OpType == "Gemm");
    }

    [Fact]
    public void A_missing_model_is_an_error_and_writes_nothing()
    {
        string path = fixture.Path("none.onnx");
        (int code, _) = CliRunner.Run("export", "--model", fixture.Path("no-such-model"), "--onnx", path);
        Assert.NotEqual(0, code);
        Assert.False(File.Exists(path));
    }
}
