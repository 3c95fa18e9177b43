using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using Sieve.Models.Autoencoders;
using Sieve.Models.Export;
using Sieve.Models.Inference;
using Sieve.Models.Tests.Training;
using TorchSharp;
using Tensor = TorchSharp.torch.Tensor;

namespace Sieve.Models.Tests.Export;

/// <summary>
/// The exported ONNX file run in ONNX Runtime gives libtorch's latents, reconstructions and
/// log-variances to 1e-5 (relative, plus 1e-6 absolute) on random inputs, for every activation.
/// </summary>
[Collection(SerialTraining.Name)]
public class OnnxExportTests
{
    [Theory]
    [InlineData(ActivationKind.Tanh, false)]
    [InlineData(ActivationKind.Relu, false)]
    [InlineData(ActivationKind.LeakyRelu, false)]
    [InlineData(ActivationKind.Elu, true)]
    [InlineData(ActivationKind.Silu, true)]
    public void Onnx_runtime_reproduces_the_model(ActivationKind activation, bool variational)
    {
        torch.manual_seed(21);
        var shape = new DenseAutoencoderOptions(7, [16, 8], 3, activation);
        using IAutoencoder model = variational ? new VariationalAutoencoder(shape, new VariationalOptions(LogVarianceMin: -1, LogVarianceMax: 1)) : new DenseAutoencoder(shape);
        model.Module.eval();
        AutoencoderWeights weights = AutoencoderWeightsExport.TryFrom(model)!;
        byte[] onnx = OnnxExport.ToBytes(weights, "test");

        const int rows = 33;
        var rng = new Random(4);
        float[] x = [.. Enumerable.Range(0, rows * 7).Select(_ => (float)((rng.NextDouble() * 6) - 3))];
        using var noGrad = torch.no_grad();
        using Tensor input = torch.tensor(x, [rows, 7]);
        float[] latent = model.Encode(input).data<float>().ToArray();
        float[] reconstruction = model.Reconstruct(input).data<float>().ToArray();

        using var session = new InferenceSession(onnx);
        var feed = new List<NamedOnnxValue> { NamedOnnxValue.CreateFromTensor("features", new DenseTensor<float>(x, [rows, 7])) };
        using IDisposableReadOnlyCollection<DisposableNamedOnnxValue> results = session.Run(feed);
        float[] Output(string name) => [.. results.Single(r => r.Name == name).AsTensor<float>()];
        AssertClose(latent, Output("latent"));
        AssertClose(reconstruction, Output("reconstruction"));
        Assert.Equal(variational, results.Any(r => r.Name == "log_variance"));
        if (model is VariationalAutoencoder vae)
        {
            (Tensor mu, Tensor logVar) = vae.EncodeDistribution(input);
            mu.Dispose();
            AssertClose(logVar.data<float>().ToArray(), Output("log_variance"));
            logVar.Dispose();
        }
    }

    private static void AssertClose(float[] expected, float[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.True(Math.Abs(expected[i] - actual[i]) <= 1e-6 + (1e-5 * Math.Abs(expected[i])), $"value {i}: torch {expected[i]}, ONNX Runtime {actual[i]}");
        }
    }
}
