namespace Sieve.Core.Images;

/// <summary>How a jet becomes an image: grid, extent, centring, rotation, flip and channels.</summary>
public sealed record JetImageOptions
{
    /// <summary>Pixels along each axis (the image is Pixels x Pixels); 32 by default.</summary>
    public int Pixels { get; init; } = 32;

    /// <summary>Full width of the image in delta eta and in delta phi; 0.8 (= 2R for R = 0.4) by default.</summary>
    public double Extent { get; init; } = 0.8;

    /// <summary>What is put in the middle of the image.</summary>
    public ImageCentre Centre { get; init; } = ImageCentre.JetAxis;

    /// <summary>Rotate the constituents about the centre so that the jet's principal axis points along eta (image rows).</summary>
    public bool Rotate { get; init; }

    /// <summary>Mirror the image so that the brighter half is at high phi and the brighter half at high eta.</summary>
    public bool Flip { get; init; }

    /// <summary>One channel, or three by particle type.</summary>
    public JetImageChannels Channels { get; init; } = JetImageChannels.One;

    /// <summary>Number of channels the options produce.</summary>
    public int ChannelCount => Channels == JetImageChannels.ByType ? ParticleTypes.ChannelCount : 1;

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming a bad value.</summary>
    public JetImageOptions Validated()
    {
        if (Pixels is < 1 or > 1024)
        {
            throw new ArgumentOutOfRangeException(nameof(Pixels), Pixels, "the number of pixels per axis must be from 1 to 1024");
        }

        if (!(Extent > 0) || double.IsInfinity(Extent))
        {
            throw new ArgumentOutOfRangeException(nameof(Extent), Extent, "the image extent must be a finite width > 0 in eta and phi");
        }

        return this;
    }
}
