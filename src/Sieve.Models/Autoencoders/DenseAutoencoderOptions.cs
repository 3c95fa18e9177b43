namespace Sieve.Models.Autoencoders;

/// <summary>
/// Shape of a dense autoencoder: F -> hidden[0] -> ... -> hidden[^1] -> Z, and the mirror image
/// back to F. Linear latent and linear output (no activation), as in HEPAutoencoders.
/// </summary>
/// <param name="InputSize">Number of features F.</param>
/// <param name="HiddenWidths">Widths of the encoder's hidden layers; the decoder mirrors them.</param>
/// <param name="LatentSize">Latent dimensions Z.</param>
/// <param name="Activation">Activation after each hidden layer.</param>
public sealed record DenseAutoencoderOptions(int InputSize, IReadOnlyList<int> HiddenWidths, int LatentSize, ActivationKind Activation)
{
    /// <summary>Checks the shape and says what is wrong.</summary>
    public void Validate()
    {
        if (InputSize < 1)
        {
            throw new ArgumentException($"input size must be at least 1, got {InputSize}.");
        }

        if (LatentSize < 1)
        {
            throw new ArgumentException($"latent size must be at least 1, got {LatentSize}.");
        }

        foreach (int w in HiddenWidths)
        {
            if (w < 1)
            {
                throw new ArgumentException($"hidden widths must be at least 1, got {w}.");
            }
        }
    }

    /// <summary>Human-readable shape, e.g. "4-200-100-50-3 (tanh)".</summary>
    public string Describe() =>
        string.Join('-', new[] { InputSize }.Concat(HiddenWidths).Append(LatentSize)) + $" ({Activation.ToString().ToLowerInvariant()})";
}
