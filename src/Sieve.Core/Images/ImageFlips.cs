namespace Sieve.Core.Images;

/// <summary>
/// Mirror operations on a flat (C, H, W) image, rows along eta and columns along phi, and the
/// normalising flip that puts the brighter half of the image on a fixed side. Mirroring pixels is
/// exact because the grid is symmetric about the centre: it is the same as negating delta phi
/// (or delta eta) before pixelising.
/// </summary>
public static class ImageFlips
{
    /// <summary>Reverses the columns (delta phi -> -delta phi) of every channel in place.</summary>
    public static void MirrorPhi(Span<float> image, int channels, int height, int width)
    {
        Check(image, channels, height, width);
        for (int row = 0; row < channels * height; row++)
        {
            image.Slice(row * width, width).Reverse();
        }
    }

    /// <summary>Reverses the rows (delta eta -> -delta eta) of every channel in place.</summary>
    public static void MirrorEta(Span<float> image, int channels, int height, int width)
    {
        Check(image, channels, height, width);
        for (int c = 0; c < channels; c++)
        {
            Span<float> plane = image.Slice(c * height * width, height * width);
            for (int top = 0, bottom = height - 1; top < bottom; top++, bottom--)
            {
                Span<float> a = plane.Slice(top * width, width);
                Span<float> b = plane.Slice(bottom * width, width);
                for (int x = 0; x < width; x++)
                {
                    (a[x], b[x]) = (b[x], a[x]);
                }
            }
        }
    }

    /// <summary>
    /// Mirrors in phi when the low-phi half holds more intensity (all channels summed) than the
    /// high-phi half, and in eta likewise, so the brightest quadrant ends up at high eta and high
    /// phi. The middle column (row) of an odd-sized image belongs to neither half. Equal halves
    /// are left alone, so applying it twice changes nothing.
    /// </summary>
    public static void Normalise(Span<float> image, int channels, int height, int width)
    {
        Check(image, channels, height, width);
        double low = 0;
        double high = 0;
        double bottom = 0;
        double top = 0;
        for (int c = 0; c < channels; c++)
        {
            for (int y = 0; y < height; y++)
            {
                for (int x = 0; x < width; x++)
                {
                    double v = image[(((c * height) + y) * width) + x];
                    if (2 * x + 1 < width)
                    {
                        low += v;
                    }
                    else if (2 * x + 1 > width)
                    {
                        high += v;
                    }

                    if (2 * y + 1 < height)
                    {
                        bottom += v;
                    }
                    else if (2 * y + 1 > height)
                    {
                        top += v;
                    }
                }
            }
        }

        if (low > high)
        {
            MirrorPhi(image, channels, height, width);
        }

        if (bottom > top)
        {
            MirrorEta(image, channels, height, width);
        }
    }

    private static void Check(Span<float> image, int channels, int height, int width)
    {
        if (image.Length != channels * height * width)
        {
            throw new ArgumentException($"the image has {image.Length} values, not {channels} x {height} x {width}", nameof(image));
        }
    }
}
