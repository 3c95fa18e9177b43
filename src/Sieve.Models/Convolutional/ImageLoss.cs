namespace Sieve.Models.Convolutional;

/// <summary>How a convolutional autoencoder compares a reconstructed image with the original.</summary>
public enum ImageLoss
{
    /// <summary>Mean squared error over pixels; the decoder's output is linear.</summary>
    Mse,

    /// <summary>
    /// Binary cross-entropy of the decoder's logits against intensities in [0, 1] (the GENIE jet-image
    /// VAEs' loss; needs the image normalisation); reconstructions are the logits' sigmoid.
    /// </summary>
    Bce,
}
