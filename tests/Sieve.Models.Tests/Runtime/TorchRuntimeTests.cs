using Sieve.Models.Autoencoders;
using Sieve.Models.Runtime;
using TorchSharp;
using static TorchSharp.torch;

namespace Sieve.Models.Tests.Runtime;

public class TorchRuntimeTests
{
    [Fact]
    public void Libtorch_loads_and_a_tiny_autoencoder_learns()
    {
        string description = TorchRuntime.EnsureLoaded();
        Assert.Contains("TorchSharp", description, StringComparison.Ordinal);

        torch.manual_seed(1);
        using var model = new DenseAutoencoder(new DenseAutoencoderOptions(4, [16], 2, ActivationKind.Tanh));
        // Data on a 2-D manifold in 4-D: an AE with latent 2 can learn it.
        using Tensor a = torch.rand(256, 1);
        using Tensor b = torch.rand(256, 1);
        using Tensor x = torch.cat([a, b, a + b, a - b], 1);
        using var optimiser = torch.optim.Adam(model.parameters(), 1e-2);
        float first = 0, last = 0;
        for (int step = 0; step < 300; step++)
        {
            using var scope = torch.NewDisposeScope();
            optimiser.zero_grad();
            Tensor loss = torch.nn.functional.mse_loss(model.forward(x), x);
            loss.backward();
            optimiser.step();
            float value = loss.item<float>();
            if (step == 0)
            {
                first = value;
            }

            last = value;
        }

        Assert.True(last < first / 10, $"loss should fall tenfold: first {first}, last {last}");
    }
}
