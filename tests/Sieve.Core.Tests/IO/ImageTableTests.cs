using Sieve.Core.Errors;
using Sieve.Core.Normalisation;
using Sieve.Core.Tables;
using Sieve.IO.Arrays;

namespace Sieve.Core.Tests.IO;

public class ImageTableTests
{
    [Fact]
    public void Channels_last_images_are_transposed_to_channel_planes()
    {
        // (N, H, W, C) = (2, 5, 4, 3): value = a code of its own indices, so every pixel says where it came from.
        const int n = 2, h = 5, w = 4, c = 3;
        var values = new double[n * h * w * c];
        for (int i = 0; i < n; i++)
        {
            for (int y = 0; y < h; y++)
            {
                for (int x = 0; x < w; x++)
                {
                    for (int ch = 0; ch < c; ch++)
                    {
                        values[(((((i * h) + y) * w) + x) * c) + ch] = (1000 * i) + (100 * ch) + (10 * y) + x;
                    }
                }
            }
        }

        (FeatureTable table, RowShape shape) = ImageTable.FromArray(new DenseArray(values, [n, h, w, c]), "x.npy");
        Assert.True(shape.SameAs(RowShape.Image(c, h, w)));
        Assert.Equal(n, table.RowCount);
        for (int i = 0; i < n; i++)
        {
            for (int ch = 0; ch < c; ch++)
            {
                for (int y = 0; y < h; y++)
                {
                    for (int x = 0; x < w; x++)
                    {
                        int f = table.IndexOf($"c{ch}_h{y}_w{x}");
                        Assert.Equal((((ch * h) + y) * w) + x, f);
                        Assert.Equal((1000 * i) + (100 * ch) + (10 * y) + x, table[i, f]);
                    }
                }
            }
        }
    }

    [Fact]
    public void Channels_first_and_single_channel_arrays_keep_their_order()
    {
        double[] values = [.. Enumerable.Range(0, 2 * 1 * 18 * 14).Select(v => (double)v)];
        (FeatureTable first, RowShape s1) = ImageTable.FromArray(new DenseArray(values, [2, 1, 18, 14]), "a.npy");
        (FeatureTable plain, RowShape s2) = ImageTable.FromArray(new DenseArray(values, [2, 18, 14]), "b.npy");
        Assert.True(s1.SameAs(RowShape.Image(1, 18, 14)) && s2.SameAs(s1));
        Assert.Equal(values, first.Values);
        Assert.Equal(values, plain.Values);
        Assert.False(ImageTable.IsChannelsLast([2, 1, 18, 14]));
        Assert.True(ImageTable.IsChannelsLast([2, 125, 125, 3]));
    }

    [Fact]
    public void Pixel_names_spell_their_image_shape_and_nothing_else_does()
    {
        (FeatureTable table, RowShape shape) = ImageTable.FromArray(new DenseArray(new double[2 * 3 * 4 * 5], [2, 3, 4, 5]), "x.npy");
        Assert.True(ImageTable.ShapeFromNames(table.FeatureNames)!.SameAs(shape));
        Assert.Null(ImageTable.ShapeFromNames([.. table.FeatureNames.Take(59)]));
        Assert.Null(ImageTable.ShapeFromNames([.. table.FeatureNames.Reverse()]));
        Assert.Null(ImageTable.ShapeFromNames(["pt", "eta", "phi"]));
        Assert.Null(ImageTable.ShapeFromNames(["c0_h0_w0", "c0_h0_w1", "x", "c0_h1_w1"]));
    }

    [Fact]
    public void A_table_shaped_array_is_not_an_image()
    {
        var e = Assert.Throws<SieveDataException>(() => ImageTable.FromArray(new DenseArray(new double[6], [2, 3]), "t.npy"));
        Assert.Contains("t.npy", e.Message, StringComparison.Ordinal);
        Assert.Contains("(N, C, H, W)", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_image_normalisation_maps_training_pixels_into_the_unit_interval_and_back()
    {
        var random = new Random(3);
        double[] pixels = [.. Enumerable.Range(0, 50 * 12).Select(i => i % 3 == 0 ? random.NextDouble() * 500 : 0)];
        string[] names = [.. Enumerable.Range(0, 12).Select(i => $"c0_h0_w{i}")];
        var table = new FeatureTable(names, pixels, 50, [], names);
        FeatureNormaliser normaliser = NormaliserFitter.Fit(NormalisationKind.Image, table, 1.0);
        double largest = pixels.Max(v => Math.Log10(1 + v));
        double seenMax = 0;
        for (int i = 0; i < pixels.Length; i++)
        {
            FeatureTransform t = normaliser.Transforms[i % 12];
            double y = t.Apply(pixels[i]);
            Assert.InRange(y, 0, 1 + 1e-12);
            Assert.Equal(Math.Log10(1 + pixels[i]) / largest, y, 12);
            Assert.Equal(pixels[i], t.Invert(y), 9);
            seenMax = Math.Max(seenMax, y);
        }

        Assert.Equal(1, seenMax, 12);
    }
}
