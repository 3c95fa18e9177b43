using Sieve.Core.Errors;
using Sieve.Core.Tables;

namespace Sieve.IO.Arrays;

/// <summary>
/// An array of images as a feature table: (N, H, W) is one channel, (N, C, H, W) is channels first, and
/// (N, H, W, C) with C at most 4 and smaller than H is channels last (the NumPy/Keras order of jet
/// images). Each row is one image, its pixels flat in (C, H, W) order, named <c>c{c}_h{h}_w{w}</c>, with
/// the row shape <see cref="RowShape.Image"/>; channels-last input is transposed on the way.
/// </summary>
public static class ImageTable
{
    /// <summary>The largest last axis read as channels (ECAL, HCAL, tracks; RGB; RGBA).</summary>
    public const int MaxChannelsLast = 4;

    /// <summary>Whether an array of <paramref name="shape"/> is read as images (rank 3 or 4).</summary>
    public static bool IsImageShape(IReadOnlyList<int> shape) => shape is not null && shape.Count is 3 or 4;

    /// <summary>Whether a rank-4 <paramref name="shape"/> is taken as channels last.</summary>
    public static bool IsChannelsLast(IReadOnlyList<int> shape) =>
        shape is { Count: 4 } && shape[3] <= MaxChannelsLast && shape[3] < shape[1];

    /// <summary>
    /// The image shape that <paramref name="featureNames"/> spell, when they are exactly the pixel names
    /// <see cref="FromArray"/> gives (<c>c{c}_h{h}_w{w}</c> in (C, H, W) order); else null. Lets a table
    /// of pixels that lost its array shape (a quantised archive keeps names, not shapes) be written back
    /// as images.
    /// </summary>
    public static RowShape? ShapeFromNames(IReadOnlyList<string> featureNames)
    {
        ArgumentNullException.ThrowIfNull(featureNames);
        if (featureNames.Count == 0 || featureNames[^1] is not { } last || !last.StartsWith('c'))
        {
            return null;
        }

        string[] parts = last[1..].Split(['_', 'h', 'w'], StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 3 || !int.TryParse(parts[0], out int c) || !int.TryParse(parts[1], out int h) || !int.TryParse(parts[2], out int w)
            || (long)(c + 1) * (h + 1) * (w + 1) != featureNames.Count)
        {
            return null;
        }

        for (int ch = 0, k = 0; ch <= c; ch++)
        {
            for (int y = 0; y <= h; y++)
            {
                for (int x = 0; x <= w; x++)
                {
                    if (featureNames[k++] != PixelName(ch, y, x))
                    {
                        return null;
                    }
                }
            }
        }

        return RowShape.Image(c + 1, h + 1, w + 1);
    }

    /// <summary>The feature name of pixel (<paramref name="channel"/>, <paramref name="h"/>, <paramref name="w"/>): <c>c{c}_h{h}_w{w}</c>.</summary>
    public static string PixelName(int channel, int h, int w) => $"c{channel}_h{h}_w{w}";

    /// <summary>The images of <paramref name="array"/> as a table and their row shape.</summary>
    public static (FeatureTable Table, RowShape Shape) FromArray(DenseArray array, string file)
    {
        ArgumentNullException.ThrowIfNull(array);
        if (!IsImageShape(array.Shape))
        {
            throw new SieveDataException(file, null, "shape", $"the array has shape ({string.Join(", ", array.Shape)})",
                "(N, H, W), (N, C, H, W) or (N, H, W, C) images");
        }

        int n = array.Shape[0];
        bool last = IsChannelsLast(array.Shape);
        (int c, int h, int w) = array.Rank == 3 ? (1, array.Shape[1], array.Shape[2])
            : last ? (array.Shape[3], array.Shape[1], array.Shape[2]) : (array.Shape[1], array.Shape[2], array.Shape[3]);
        if (c < 1 || h < 1 || w < 1)
        {
            throw new SieveDataException(file, null, "shape", $"the images are {c} x {h} x {w}", "at least one channel and one pixel");
        }

        int size = checked(c * h * w);
        double[] values = array.Values;
        if (last)
        {
            // (N, H, W, C) -> (N, C, H, W): the convolutions read channel planes.
            values = new double[array.Values.Length];
            for (int i = 0; i < n; i++)
            {
                int row = i * size;
                for (int y = 0; y < h; y++)
                {
                    for (int x = 0; x < w; x++)
                    {
                        int from = row + (((y * w) + x) * c);
                        for (int ch = 0; ch < c; ch++)
                        {
                            values[row + (((ch * h) + y) * w) + x] = array.Values[from + ch];
                        }
                    }
                }
            }
        }

        string[] names = new string[size];
        for (int ch = 0, k = 0; ch < c; ch++)
        {
            for (int y = 0; y < h; y++)
            {
                for (int x = 0; x < w; x++)
                {
                    names[k++] = PixelName(ch, y, x);
                }
            }
        }

        return (new FeatureTable(names, values, n, [], names), RowShape.Image(c, h, w));
    }
}
