using Sieve.IO.Arrays;
using Sieve.IO.Numpy;
using Sieve.IO.Tables;

namespace Sieve.Cli.Tests;

/// <summary>Image arrays through the CLI: a convolutional model trains, scores and compresses them.</summary>
public sealed class ImageInputTests : IDisposable
{
    private const int H = 12, W = 10;
    private readonly string dir = Directory.CreateTempSubdirectory("sieve-images-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    [Fact]
    public void A_conv_model_scores_channels_first_and_channels_last_copies_of_the_same_images_alike()
    {
        string train = Write("train.npy", Images(800, seed: 1), channelsLast: false);
        double[] test = Images(50, seed: 2);
        string first = Write("first.npy", test, channelsLast: false), last = Write("last.npy", test, channelsLast: true);
        string model = Path.Combine(dir, "conv");
        (int code, string text) = CliRunner.Run("train", "--input", train, "--preset", "conv-cicada", "--vae", "--image-loss", "bce", "--epochs", "2", "--out", model);
        Assert.True(code == 0, text);
        Assert.Contains("conv (2 x 12 x 10) -> 16-32 -> 16, bce VAE", text, StringComparison.Ordinal);

        string a = Path.Combine(dir, "a.csv"), b = Path.Combine(dir, "b.csv");
        Assert.True(CliRunner.Run("score", "--model", model, "--input", first, "--out", a).ExitCode == 0);
        (code, text) = CliRunner.Run("score", "--model", model, "--input", last, "--out", b);
        Assert.True(code == 0, text);
        Assert.Contains("score_rz", text, StringComparison.Ordinal);
        Assert.Equal(File.ReadAllText(a), File.ReadAllText(b));
        Assert.Equal(50, CsvTableReader.Read(a).RowCount);
    }

    [Fact]
    public void Images_compress_and_decompress_through_a_conv_model_within_the_target()
    {
        string train = Write("train.npy", Images(600, seed: 3), channelsLast: false);
        string test = Write("test.npy", Images(40, seed: 4), channelsLast: false);
        string model = Path.Combine(dir, "conv");
        Assert.True(CliRunner.Run("train", "--input", train, "--epochs", "2", "--out", model).ExitCode == 0);
        string archive = Path.Combine(dir, "test.sieve"), back = Path.Combine(dir, "back.npy");
        (int code, string text) = CliRunner.Run("compress", "--model", model, "--input", test, "--max-error", "*=0.5", "--out", archive);
        Assert.True(code == 0, text);
        (code, text) = CliRunner.Run("decompress", "--model", model, "--input", archive, "--out", back);
        Assert.True(code == 0, text);

        // Images come back as images: (N, C, H, W), not the flat table the model read.
        Assert.Equal([40, 2, H, W], NpyReader.Read(back).Shape);
        var original = ImageTable.FromArray(NpyReader.Read(test), test).Table;
        var decoded = ImageTable.FromArray(NpyReader.Read(back), back).Table;
        Assert.Equal(original.RowCount, decoded.RowCount);
        for (int f = 0; f < original.FeatureCount; f++)
        {
            int g = decoded.IndexOf(original.FeatureNames[f]);
            Assert.True(g >= 0, original.FeatureNames[f]);
            for (int r = 0; r < original.RowCount; r++)
            {
                Assert.True(Math.Abs(original[r, f] - decoded[r, g]) <= 0.5 + 1e-9, $"{original.FeatureNames[f]} row {r}: {original[r, f]} vs {decoded[r, g]}");
            }
        }
    }

    [Fact]
    public void Quantised_images_come_back_as_images_and_evaluate_checks_every_pixel()
    {
        string test = Write("q.npy", Images(60, seed: 6), channelsLast: true);
        string archive = Path.Combine(dir, "q.sieve"), back = Path.Combine(dir, "q-back.npy");
        (int code, string text) = CliRunner.Run("compress", "--method", "quantize", "--input", test, "--max-error", "*=0.25", "--out", archive);
        Assert.True(code == 0, text);
        (code, text) = CliRunner.Run("decompress", "--input", archive, "--out", back);
        Assert.True(code == 0, text);
        Assert.Equal([60, 2, H, W], NpyReader.Read(back).Shape);   // the shape from the pixel names; channels first
        (code, text) = CliRunner.Run("evaluate", "--original", test, "--reconstructed", back, "--archive", archive, "--max-error", "*=0.25", "--out", Path.Combine(dir, "q-eval"));
        Assert.True(code == 0, text);
        Assert.Contains("ok c1_h11_w9", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Reconstruct_draws_originals_reconstructions_residuals_averages_and_a_traversal()
    {
        string train = Write("train.npy", Images(300, seed: 5), channelsLast: false);
        string model = Path.Combine(dir, "conv"), pictures = Path.Combine(dir, "pictures");
        Assert.True(CliRunner.Run("train", "--input", train, "--latent", "3", "--epochs", "1", "--out", model).ExitCode == 0);
        (int code, string text) = CliRunner.Run("reconstruct", "--model", model, "--input", train, "--events", "0,7", "--traverse", "2", "--steps", "3", "--out", pictures);
        Assert.True(code == 0, text);
        var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(pictures, "pictures.json"))).RootElement;
        Assert.Equal(2, json.GetProperty("events").GetArrayLength());
        Assert.Equal(2, json.GetProperty("events")[0].GetProperty("channels").GetArrayLength());   // two channels, each drawn
        Assert.Equal(2, json.GetProperty("traversal").GetArrayLength());
        Assert.Equal([-2.0, 0.0, 2.0], json.GetProperty("traversal_values").EnumerateArray().Select(v => v.GetDouble()));
        foreach (string file in new[] { "event-7-residual.png", "event-0-channel-1-reconstruction.png", "average-reconstruction.png", "traversal-z1-2.png" })
        {
            byte[] head = File.ReadAllBytes(Path.Combine(pictures, file))[..4];
            Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, head);
        }

        Assert.Contains("traversal-z0-0.png", File.ReadAllText(Path.Combine(pictures, "index.html")), StringComparison.Ordinal);
        (code, text) = CliRunner.Run("reconstruct", "--model", model, "--input", train, "--events", "300", "--out", pictures);
        Assert.True(code != 0, text);
        Assert.Contains("row 300 is not in", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_conv_preset_on_a_table_is_refused_with_what_it_needs()
    {
        string table = Path.Combine(dir, "jets.csv");
        CsvTableWriter.Write(table, Sieve.Core.Synthetic.SyntheticJets.Generate(100, 1));
        (int code, string text) = CliRunner.Run("train", "--input", table, "--preset", "conv-cicada", "--epochs", "1", "--out", Path.Combine(dir, "m"));
        Assert.True(code != 0, text);
        Assert.Contains("(N, C, H, W)", text, StringComparison.Ordinal);
    }

    // Two channels of sparse deposits on a 12 x 10 grid, (N, C, H, W) in C order.
    private static double[] Images(int n, int seed)
    {
        var random = new Random(seed);
        var values = new double[n * 2 * H * W];
        for (int i = 0; i < n; i++)
        {
            for (int k = random.Next(1, 5); k > 0; k--)
            {
                values[(i * 2 * H * W) + (random.Next(2) * H * W) + (random.Next(H) * W) + random.Next(W)] += 5 + (random.NextDouble() * 50);
            }
        }

        return values;
    }

    private string Write(string name, double[] values, bool channelsLast)
    {
        int n = values.Length / (2 * H * W);
        double[] data = values;
        int[] shape = [n, 2, H, W];
        if (channelsLast)
        {
            data = new double[values.Length];
            for (int i = 0; i < n; i++)
            {
                for (int c = 0; c < 2; c++)
                {
                    for (int y = 0; y < H; y++)
                    {
                        for (int x = 0; x < W; x++)
                        {
                            data[(((((i * H) + y) * W) + x) * 2) + c] = values[(((((i * 2) + c) * H) + y) * W) + x];
                        }
                    }
                }
            }

            shape = [n, H, W, 2];
        }

        string path = Path.Combine(dir, name);
        NpyWriter.Write(path, new DenseArray(data, shape), ArrayElementType.Float32);
        return path;
    }
}
