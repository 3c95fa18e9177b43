using Sieve.Models.Autoencoders;

namespace Sieve.Models.Convolutional;

/// <summary>
/// Shape of a convolutional autoencoder on (C, H, W) images: each encoder block is a 3 x 3 convolution
/// of stride 2 (the image halves, rounded up) and ReLU, then a linear layer to the latent Z; the decoder
/// mirrors it with a linear layer, nearest-neighbour upsampling back to each block's exact size and a
/// 3 x 3 convolution, and a last 3 x 3 convolution to C channels. Any H and W work (CICADA's 18 x 14
/// regions as well as 125 x 125 jet images), as the upsampling targets the sizes the encoder saw.
/// </summary>
/// <param name="Channels">C.</param>
/// <param name="Height">H (eta).</param>
/// <param name="Width">W (phi).</param>
/// <param name="Filters">Output channels of each encoder block.</param>
/// <param name="LatentSize">Z.</param>
/// <param name="Loss">Reconstruction loss.</param>
public sealed record ConvolutionalOptions(int Channels, int Height, int Width, IReadOnlyList<int> Filters, int LatentSize, ImageLoss Loss = ImageLoss.Mse)
{
    /// <summary>Values per image.</summary>
    public int InputSize => checked(Channels * Height * Width);

    /// <summary>The (H, W) of the input and after each encoder block.</summary>
    public IReadOnlyList<(int Height, int Width)> Sizes()
    {
        var sizes = new List<(int, int)> { (Height, Width) };
        for (int i = 0; i < Filters.Count; i++)
        {
            (int h, int w) = sizes[^1];
            sizes.Add(((h + 1) / 2, (w + 1) / 2));
        }

        return sizes;
    }

    /// <summary>Checks the shape and says what is wrong.</summary>
    public void Validate()
    {
        if (Channels < 1 || Height < 1 || Width < 1)
        {
            throw new ArgumentException($"an image needs at least one channel and one pixel, got ({Channels}, {Height}, {Width}).");
        }

        if (Filters.Count < 1 || Filters.Any(f => f < 1) || LatentSize < 1)
        {
            throw new ArgumentException("a convolutional autoencoder needs at least one block, and every filter count and the latent size at least 1.");
        }
    }

    /// <summary>The dense shape recorded beside it in a manifest (input size, filters as widths, latent).</summary>
    public DenseAutoencoderOptions AsDenseShape() => new(InputSize, Filters, LatentSize, ActivationKind.Relu);

    /// <summary>For people: <c>conv (1 x 18 x 14) -> 16-32 -> 16, mse</c>.</summary>
    public string Describe() =>
        $"conv ({Channels} x {Height} x {Width}) -> {string.Join('-', Filters)} -> {LatentSize}, {Loss.ToString().ToLowerInvariant()}";
}
