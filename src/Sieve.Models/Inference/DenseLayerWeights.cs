using Sieve.Models.Autoencoders;

namespace Sieve.Models.Inference;

/// <summary>
/// One fully connected layer as plain arrays: y = W x + b, then the activation (none for a linear
/// output). <see cref="Weights"/> is row-major (out, in), as torch.nn.Linear stores it, so row o
/// holds the weights of output o.
/// </summary>
/// <param name="InputSize">Number of inputs.</param>
/// <param name="OutputSize">Number of outputs.</param>
/// <param name="Weights">OutputSize x InputSize values, row-major.</param>
/// <param name="Bias">OutputSize values.</param>
/// <param name="Activation">Activation after the affine map, or null for a linear layer.</param>
public sealed record DenseLayerWeights(int InputSize, int OutputSize, float[] Weights, float[] Bias, ActivationKind? Activation)
{
    /// <summary>Checks that the arrays match the sizes.</summary>
    public void Validate()
    {
        if (InputSize < 1 || OutputSize < 1 || Weights.Length != InputSize * OutputSize || Bias.Length != OutputSize)
        {
            throw new ArgumentException($"a {InputSize} -> {OutputSize} layer needs {InputSize * OutputSize} weights and {OutputSize} biases, got {Weights.Length} and {Bias.Length}.");
        }
    }
}
