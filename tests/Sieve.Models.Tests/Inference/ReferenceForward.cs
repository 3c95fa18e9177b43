using Sieve.Models.Autoencoders;
using Sieve.Models.Inference;

namespace Sieve.Models.Tests.Inference;

/// <summary>A plain double-precision forward pass over exported weights, written from the formulas, to check paths against.</summary>
internal static class ReferenceForward
{
    public static double[] Run(DenseNetworkWeights network, ReadOnlySpan<float> input)
    {
        double[] x = [.. input.ToArray().Select(v => (double)v)];
        foreach (DenseLayerWeights layer in network.Layers)
        {
            var y = new double[layer.OutputSize];
            for (int o = 0; o < layer.OutputSize; o++)
            {
                double sum = layer.Bias[o];
                for (int i = 0; i < layer.InputSize; i++)
                {
                    sum += (double)layer.Weights[(o * layer.InputSize) + i] * x[i];
                }

                y[o] = Activate(layer.Activation, sum);
            }

            x = y;
        }

        return x;
    }

    public static double Activate(ActivationKind? kind, double v) => kind switch
    {
        null => v,
        ActivationKind.Tanh => Math.Tanh(v),
        ActivationKind.Relu => Math.Max(0, v),
        ActivationKind.LeakyRelu => v > 0 ? v : 0.01 * v,
        ActivationKind.Elu => v > 0 ? v : Math.Exp(v) - 1,
        ActivationKind.Silu => v / (1 + Math.Exp(-v)),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}
