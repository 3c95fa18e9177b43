using System.Globalization;
using System.Text.Json;
using Sieve.IO.Arrays;
using Sieve.IO.Numpy;
using Sieve.Tests.Shared;

namespace Sieve.Cli.Tests;

/// <summary>`sieve jets` and `sieve images` on the real example files: tables and arrays checked against FastJet and independent sums.</summary>
public sealed class JetsAndImagesTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("sieve-images-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    [SkippableFact]
    public void Jets_table_matches_the_fastjet_reference()
    {
        string input = SharedData.Require("fastjet/Pythia-PtMin1000-LHC-10ev.dat");
        string output = Path.Combine(dir, "jets.csv");
        (int code, string text) = CliRunner.Run("jets", "--input", input, "--algorithm", "antikt", "--radius", "0.4", "--ptmin", "5", "--out", output);
        Assert.True(code == 0, text);
        List<string[]> rows = File.ReadLines(output).Skip(1).Select(l => l.Split(',')).ToList();
        List<string[]> reference = File.ReadLines(Path.Combine(AppContext.BaseDirectory, "fixtures", "fastjet", "fastjet-reference.csv"))
            .Where(l => !l.StartsWith('#')).Skip(1).Select(l => l.Split(','))
            .Where(f => f[0] == "Pythia-PtMin1000-LHC-10ev.dat" && f[2] == "antikt" && double.Parse(f[3], CultureInfo.InvariantCulture) == 0.4)
            .ToList();
        Assert.Equal(reference.Count, rows.Count);
        for (int k = 0; k < rows.Count; k++)
        {
            Assert.Equal(reference[k][1], rows[k][0]); // event
            Assert.Equal(reference[k][5], rows[k][1]); // rank
            Assert.Equal(D(reference[k][6]), D(rows[k][2]), 1e-6 * D(reference[k][6])); // pT
            Assert.Equal(reference[k][12], rows[k][11]); // constituents
        }
    }

    [Fact]
    public void Synthetic_jet_images_are_labelled_synthetic_and_so_is_a_model_trained_on_them()
    {
        string output = Path.Combine(dir, "quark.npy"), again = Path.Combine(dir, "again.npy"), model = Path.Combine(dir, "model");
        (int code, string text) = CliRunner.Run("images", "--synthetic", "quark", "--n", "120", "--leading", "1", "--channels", "type", "--pixels", "16", "--out", output);
        Assert.True(code == 0, text);
        Assert.Equal(0, CliRunner.Run("images", "--synthetic", "quark", "--n", "120", "--leading", "1", "--channels", "type", "--pixels", "16", "--out", again).ExitCode);
        Assert.Equal(File.ReadAllBytes(output), File.ReadAllBytes(again)); // seeded

        DenseArray array = NpyReader.Read(output);
        Assert.Equal([120, 3, 16, 16], array.Shape);
        using (JsonDocument sidecar = JsonDocument.Parse(File.ReadAllText(output + ".json")))
        {
            Assert.True(sidecar.RootElement.GetProperty("synthetic").GetBoolean());
            Assert.StartsWith("SYNTHETIC quark-like jets", sidecar.RootElement.GetProperty("source").GetString(), StringComparison.Ordinal);
        }

        (code, text) = CliRunner.Run("train", "--input", output, "--preset", "conv-cicada", "--epochs", "1", "--out", model);
        Assert.True(code == 0, text);
        using JsonDocument manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(model, "model.json")));
        Assert.True(manifest.RootElement.GetProperty("synthetic").GetBoolean());

        // Either an input or synthetic jets, and synthetic jets only make jet images.
        Assert.Equal(1, CliRunner.Run("images", "--out", Path.Combine(dir, "none.npy")).ExitCode);
        Assert.Equal(1, CliRunner.Run("images", "--synthetic", "gluon", "--kind", "regions", "--out", Path.Combine(dir, "regions.npy")).ExitCode);
        Assert.Equal(1, CliRunner.Run("images", "--synthetic", "top", "--out", Path.Combine(dir, "top.npy")).ExitCode);
        Assert.False(File.Exists(Path.Combine(dir, "regions.npy")));
    }

    [SkippableFact]
    public void Jet_images_are_an_nchw_float32_array_with_a_sidecar_and_pictures()
    {
        string input = SharedData.Require("fastjet/Pythia-PtMin1000-LHC-10ev.dat");
        string output = Path.Combine(dir, "jets.npy");
        string plots = Path.Combine(dir, "plots");
        (int code, string text) = CliRunner.Run("images", "--input", input, "--kind", "jet", "--leading", "2", "--pixels", "24",
            "--rotate", "--flip", "--plot", plots, "--out", output);
        Assert.True(code == 0, text);
        DenseArray array = NpyReader.Read(output);
        Assert.Equal([20, 1, 24, 24], array.Shape);
        Assert.Equal(ArrayElementType.Float32, array.ElementType);

        using JsonDocument sidecar = JsonDocument.Parse(File.ReadAllText(output + ".json"));
        Assert.Equal([20, 1, 24, 24], sidecar.RootElement.GetProperty("shape").EnumerateArray().Select(e => e.GetInt32()));
        Assert.Equal(["image", "channel", "eta", "phi"], sidecar.RootElement.GetProperty("axes").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(25, sidecar.RootElement.GetProperty("eta").GetProperty("edges").GetArrayLength());

        // Each image holds most of its jet's pT: the pixels sum the constituents' pT inside 2R x 2R,
        // and for these narrow TeV jets the scalar pT sum is within 2 % of the jet's (vector) pT.
        string[][] rows = File.ReadLines(output + ".rows.csv").Skip(1).Select(l => l.Split(',')).ToArray();
        Assert.Equal(20, rows.Length);
        for (int i = 0; i < 20; i++)
        {
            double sum = array.Values.Skip(i * 576).Take(576).Sum();
            double pt = D(rows[i][2]);
            Assert.InRange(sum, 0.8 * pt, 1.02 * pt);
        }

        Assert.True(File.Exists(Path.Combine(plots, "average.png")) && new FileInfo(Path.Combine(plots, "average.png")).Length > 1000);
        Assert.True(File.Exists(Path.Combine(plots, "image-0.png")));
    }

    [SkippableFact]
    public void Type_channels_of_hepmc3_jets_add_up_to_the_one_channel_image()
    {
        string input = SharedData.Require("hepmc3/example.hepmc3.gz");
        string one = Path.Combine(dir, "one.npy");
        string type = Path.Combine(dir, "type.npy");
        (int code, string text) = CliRunner.Run("images", "--input", input, "--ptmin", "10", "--pixels", "16", "--out", one);
        Assert.True(code == 0, text);
        (code, text) = CliRunner.Run("images", "--input", input, "--ptmin", "10", "--pixels", "16", "--channels", "type", "--out", type);
        Assert.True(code == 0, text);
        DenseArray a = NpyReader.Read(one);
        DenseArray b = NpyReader.Read(type);
        int n = a.Shape[0];
        Assert.True(n > 0);
        Assert.Equal([n, 3, 16, 16], b.Shape);
        for (int i = 0; i < n; i++)
        {
            for (int p = 0; p < 256; p++)
            {
                double sum = b.Values[(i * 768) + p] + b.Values[(i * 768) + 256 + p] + b.Values[(i * 768) + 512 + p];
                Assert.Equal(a.Values[(i * 256) + p], sum, 1e-3 * Math.Max(1, sum));
            }
        }

        // The file's final state is taus (charged) and photons below 1 GeV of pT (initial-state
        // radiation along the beams), with no neutral hadron: all the jet pT is in channel 0.
        double Channel(int c) => Enumerable.Range(0, n).Sum(i => b.Values.Skip((i * 768) + (c * 256)).Take(256).Sum());
        Assert.True(Channel(0) > 0, "the taus are imaged");
        Assert.True(Channel(1) < 1e-3 * Channel(0), "photons carry almost nothing");
        Assert.Equal(0.0, Channel(2));
    }

    [SkippableFact]
    public void Type_channels_of_fastjet_text_are_refused_and_nothing_is_written()
    {
        string input = SharedData.Require("fastjet/single-event.dat");
        string output = Path.Combine(dir, "none.npy");
        (int code, string text) = CliRunner.Run("images", "--input", input, "--channels", "type", "--out", output);
        Assert.Equal(1, code);
        Assert.Contains("no particle ids", text, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(dir));
    }

    [SkippableFact]
    public void Region_images_of_darkmachines_events_hold_the_pt_inside_the_acceptance()
    {
        string input = SharedData.Require("darkmachines/monojet_Zp2000.0_DM_50.0_chan3.csv");
        string output = Path.Combine(dir, "regions.npy");
        (int code, string text) = CliRunner.Run("images", "--input", input, "--kind", "regions", "--out", output);
        Assert.True(code == 0, text);
        DenseArray array = NpyReader.Read(output);
        string[] lines = File.ReadAllLines(input).Where(l => l.Length > 0).ToArray();
        Assert.Equal([lines.Length, 1, 14, 18], array.Shape);
        for (int i = 0; i < lines.Length; i++)
        {
            // Independent parse: objects 'code,E,pt,eta,phi' after the five event fields, MeV on disk.
            double expected = lines[i].Split(';').Skip(5).Where(o => o.Length > 0).Select(o => o.Split(','))
                .Where(f => f[0] is not ("m-" or "m+") && Math.Abs(D(f[3])) < 3).Sum(f => D(f[2]) / 1000);
            double sum = array.Values.Skip(i * 252).Take(252).Sum();
            Assert.Equal(expected, sum, 1e-4 * Math.Max(1, expected));
        }
    }

    private static double D(string text) => double.Parse(text, CultureInfo.InvariantCulture);
}
