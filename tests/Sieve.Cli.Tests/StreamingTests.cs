using System.Globalization;
using Sieve.Compression.Archive;
using Sieve.Core.Errors;
using Sieve.Core.Events;
using Sieve.Core.Synthetic;
using Sieve.Core.Tables;
using Sieve.IO.DarkMachines;
using Sieve.IO.Tables;
using Sieve.Pipeline;
using Sieve.Tests.Shared;

namespace Sieve.Cli.Tests;

/// <summary>
/// The streaming quantiser: an input in many chunks gives a version 5 archive whose whole-file
/// errors meet the targets, whose bytes do not depend on the threads, and that decompresses chunk
/// by chunk to the same text with any number of threads.
/// </summary>
public sealed class StreamingTests : IDisposable
{
    private static readonly Dictionary<string, string> Targets = new() { ["pt"] = "0.3%", ["m"] = "0.3%", ["eta"] = "0.003", ["phi"] = "0.003" };
    private readonly string dir = Directory.CreateTempSubdirectory("sieve-stream-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    private static readonly CsvTableOptions JetColumns = new() { FeatureColumns = SyntheticJets.Features };

    private string Jets(int rows, int seed)
    {
        string path = Path.Combine(dir, $"jets-{rows}-{seed}.csv");
        CsvTableWriter.Write(path, SyntheticJets.Generate(rows, seed));
        return path;
    }

    private static InputRequest Request(string path) => new(path, Columns: SyntheticJets.Features);

    // RMS over the whole table, as `sieve evaluate` counts it: relative for pt and m (m above 1 GeV), wrapped for phi.
    private static double Rms(FeatureTable original, FeatureTable decoded, string name)
    {
        int f = original.IndexOf(name);
        var errors = new List<double>();
        for (int r = 0; r < original.RowCount; r++)
        {
            double x = original[r, f], y = decoded[r, f];
            if (name is "pt" or "m")
            {
                if (Math.Abs(x) > (name == "m" ? 1 : 0))
                {
                    errors.Add((y - x) / x);
                }
            }
            else
            {
                errors.Add(name == "phi" ? Kinematics.WrapPhi(y - x) : y - x);
            }
        }

        return Math.Sqrt(errors.Average(e => e * e));
    }

    [Fact]
    public void Many_chunks_meet_the_targets_over_the_whole_file_and_do_not_depend_on_threads()
    {
        string input = Jets(5000, 11);
        string one = Path.Combine(dir, "one.sieve"), two = Path.Combine(dir, "two.sieve");
        CompressOutcome outcome = QuantizeWorkflow.Run(Request(input), Targets, one, threads: 1, rowsPerChunk: 700);
        QuantizeWorkflow.Run(Request(input), Targets, two, threads: 2, rowsPerChunk: 700);

        Assert.Equal(File.ReadAllBytes(one), File.ReadAllBytes(two));
        Assert.Equal(8, outcome.Chunks); // 7 x 700 + 100
        Assert.Equal(700, outcome.FitRows);
        using (ChunkedArchive archive = ChunkedArchive.Open(one))
        {
            Assert.Equal([.. Enumerable.Repeat(700, 7), 100], archive.Chunks.Select(c => (int)c.Rows));
            Assert.Equal(5000, archive.Header.Schema.RowCount);
        }

        string a = Path.Combine(dir, "a.csv"), b = Path.Combine(dir, "b.csv");
        Assert.Equal(5000, DecompressWorkflow.Run(one, null, a, threads: 1));
        Assert.Equal(5000, DecompressWorkflow.Run(one, null, b, threads: 3));
        Assert.Equal(File.ReadAllBytes(a), File.ReadAllBytes(b));

        FeatureTable original = CsvTableReader.Read(input, JetColumns), decoded = CsvTableReader.Read(a, JetColumns);
        Assert.Equal(original.ColumnOrder, decoded.ColumnOrder);
        Assert.Equal(original.SideChannels[0].Values, decoded.SideChannels[0].Values); // the index column verbatim
        foreach ((string name, double target) in new[] { ("pt", 0.003), ("m", 0.003), ("eta", 0.003), ("phi", 0.003) })
        {
            Assert.True(Rms(original, decoded, name) <= target, $"{name}: RMS {Rms(original, decoded, name)} over {target}");
        }
    }

    [Fact]
    public void A_first_chunk_unlike_the_rest_costs_another_pass_not_a_missed_target()
    {
        // The first 1000 jets are hard (pt ~ 1 TeV, where x0/pt is negligible); the rest are soft
        // (pt ~ 0.05 GeV, where the log step gives relative errors several times larger): the steps
        // fitted on the first chunk miss on the whole file and must be refined.
        FeatureTable jets = SyntheticJets.Generate(4000, 5);
        double[] values = (double[])jets.Values.Clone();
        int pt = jets.IndexOf("pt");
        for (int r = 0; r < jets.RowCount; r++)
        {
            values[(r * jets.FeatureCount) + pt] = r < 1000 ? 1000 + r : 0.02 + (0.00001 * r);
        }

        string input = Path.Combine(dir, "skewed.csv");
        CsvTableWriter.Write(input, jets.WithValues(values));
        string archive = Path.Combine(dir, "skewed.sieve"), output = Path.Combine(dir, "skewed-out.csv");
        CompressOutcome outcome = QuantizeWorkflow.Run(Request(input), Targets, archive, rowsPerChunk: 1000);
        Assert.True(outcome.Passes >= 2, $"{outcome.Passes} pass(es)");
        DecompressWorkflow.Run(archive, null, output);
        double rms = Rms(CsvTableReader.Read(input, JetColumns), CsvTableReader.Read(output, JetColumns), "pt");
        Assert.True(rms <= 0.003, $"pt RMS {rms}");
    }

    [Fact]
    public void Bounds_hold_for_the_smallest_value_even_when_it_is_in_a_later_chunk()
    {
        FeatureTable jets = SyntheticJets.Generate(3000, 9);
        double[] values = (double[])jets.Values.Clone();
        int pt = jets.IndexOf("pt");
        values[(2500 * jets.FeatureCount) + pt] = 0.05; // far below every other pT
        string input = Path.Combine(dir, "small-late.csv");
        CsvTableWriter.Write(input, jets.WithValues(values));
        string archive = Path.Combine(dir, "bounded.sieve"), output = Path.Combine(dir, "bounded.csv");
        QuantizeWorkflow.Run(Request(input), Targets, archive, maxError: true, kind: Quantiser.Uniform, rowsPerChunk: 1000);
        DecompressWorkflow.Run(archive, null, output);
        FeatureTable original = CsvTableReader.Read(input, JetColumns), decoded = CsvTableReader.Read(output, JetColumns);
        double worst = Enumerable.Range(0, original.RowCount).Max(r => Math.Abs((decoded[r, pt] - original[r, pt]) / original[r, pt]));
        Assert.True(worst <= 0.003, $"largest relative pT error {worst}");
    }

    [Fact]
    public void Text_in_a_targeted_column_of_a_later_chunk_stops_the_run_with_its_line_and_leaves_no_archive()
    {
        string input = Jets(3000, 3);
        string[] lines = File.ReadAllLines(input);
        int eta = Array.IndexOf(lines[0].Split(','), "eta");
        string[] cells = lines[2001].Split(',');
        cells[eta] = "abc";
        lines[2001] = string.Join(',', cells); // line 2002 of the file
        File.WriteAllLines(input, lines);
        string archive = Path.Combine(dir, "bad.sieve");

        var e = Assert.Throws<SieveDataException>(() => QuantizeWorkflow.Run(Request(input), Targets, archive, rowsPerChunk: 1000));
        Assert.Equal(2002, e.Line);
        Assert.Equal("eta", e.Field);
        Assert.False(File.Exists(archive));
        Assert.DoesNotContain(Directory.GetFiles(dir), f => f.EndsWith(".tmp", StringComparison.Ordinal));
    }

    [Fact]
    public void A_numpy_table_streams_in_chunks_with_the_whole_reads_features_and_side_channels()
    {
        // --columns f0,f2: f1 (integers) travels as a side channel.
        const int rows = 1000;
        var rng = new Random(8);
        double[] values = new double[rows * 3];
        for (int r = 0; r < rows; r++)
        {
            values[r * 3] = rng.NextDouble();
            values[(r * 3) + 1] = rng.Next(0, 9);
            values[(r * 3) + 2] = rng.NextDouble() * 100;
        }

        string path = Path.Combine(dir, "table.npy");
        Sieve.IO.Numpy.NpyWriter.Write(path, new Sieve.IO.Arrays.DenseArray(values, [rows, 3], Sieve.IO.Arrays.ArrayElementType.Float64));
        var request = new InputRequest(path, Columns: ["f0", "f2"]);
        LoadedInput whole = InputLoader.Load(request);
        List<LoadedInput> chunks = [.. InputChunks.Read(request, rowsPerChunk: 128)];

        Assert.Equal(8, chunks.Count);
        Assert.Equal(["f0", "f2"], whole.Table.FeatureNames);
        Assert.All(chunks, c => Assert.Equal(whole.Table.FeatureNames, c.Table.FeatureNames));
        Assert.Equal("f1", whole.Table.SideChannels[0].Name);
        Assert.Equal(whole.Table.Values, chunks.SelectMany(c => c.Table.Values));
        Assert.Equal(whole.Table.SideChannels[0].Values, chunks.SelectMany(c => c.Table.SideChannels[0].Values));
        Assert.Equal(Enumerable.Range(0, 8).Select(i => i * 128L), chunks.Select(c => c.FirstRow));
    }

    [SkippableFact]
    public void DarkMachines_events_stream_in_chunks_of_whole_events()
    {
        string input = SharedData.Require("darkmachines/monojet_Zp2000.0_DM_50.0_chan3.csv");
        var targets = new Dictionary<string, string> { ["E"] = "0.3%", ["pt"] = "0.3%", ["eta"] = "0.003", ["phi"] = "0.003" };
        string archive = Path.Combine(dir, "dm.sieve"), a = Path.Combine(dir, "dm1.csv"), b = Path.Combine(dir, "dm2.csv");
        CompressOutcome outcome = QuantizeWorkflow.Run(new InputRequest(input), targets, archive, eventsPerChunk: 1000);
        Assert.True(outcome.Chunks >= 5, $"{outcome.Chunks} chunks");
        DecompressWorkflow.Run(archive, null, a, threads: 1);
        DecompressWorkflow.Run(archive, null, b, threads: 2);
        Assert.Equal(File.ReadAllBytes(a), File.ReadAllBytes(b));

        // Every event comes back whole and in order: the same ids, weights and object kinds.
        List<Event> original = [.. DarkMachinesReader.Read(input)], decoded = [.. DarkMachinesReader.Read(a)];
        Assert.Equal(original.Select(e => e.Id), decoded.Select(e => e.Id));
        Assert.Equal(original.Select(e => string.Concat(e.Objects.Select(o => o.Kind))), decoded.Select(e => string.Concat(e.Objects.Select(o => o.Kind))));
        Assert.True(new FileInfo(a).Length <= new FileInfo(input).Length, "the decompressed file is larger than the original");
    }

    [Fact]
    public void Shards_compressed_with_shared_steps_concatenate_to_the_whole_files_rows()
    {
        string first = Jets(1500, 21), second = Jets(1200, 22);
        string a = Path.Combine(dir, "a.sieve"), b = Path.Combine(dir, "b.sieve"), joined = Path.Combine(dir, "ab.sieve");
        string[] common = ["compress", "--method", "quantize", "--columns", "m,pt,phi,eta"];
        (int code, string text) = CliRunner.Run([.. common, "--input", first, "--target-rms", "pt=0.3%,m=0.3%,eta=0.003,phi=0.003", "--headroom", "3%", "--out", a]);
        Assert.True(code == 0, text);
        (code, text) = CliRunner.Run([.. common, "--input", second, "--steps-from", a, "--out", b]);
        Assert.True(code == 0, text);
        (code, text) = CliRunner.Run("concat", a, b, "--out", joined);
        Assert.True(code == 0, text);
        Assert.Contains("2700 rows in 2 chunks", text, StringComparison.Ordinal);

        // The joined archive decodes to the shards' decoded rows, one after the other, byte for byte.
        string whole = Path.Combine(dir, "ab.csv"), partA = Path.Combine(dir, "a.csv"), partB = Path.Combine(dir, "b.csv");
        DecompressWorkflow.Run(joined, null, whole);
        DecompressWorkflow.Run(a, null, partA);
        DecompressWorkflow.Run(b, null, partB);
        Assert.Equal(File.ReadLines(partA).Concat(File.ReadLines(partB).Skip(1)), File.ReadLines(whole));

        // Steps fitted on their own make shards that do not join, and the message says what to do.
        string alone = Path.Combine(dir, "alone.sieve");
        Assert.Equal(0, CliRunner.Run([.. common, "--input", second, "--target-rms", "pt=0.3%,m=0.3%,eta=0.003,phi=0.003", "--out", alone]).ExitCode);
        (code, text) = CliRunner.Run("concat", a, alone, "--out", Path.Combine(dir, "bad.sieve"));
        Assert.NotEqual(0, code);
        Assert.Contains("--steps-from", text, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(dir, "bad.sieve")));
    }

    [Fact]
    public void Missing_markers_and_float16_come_back_exactly_across_chunks()
    {
        // Every 7th pT is the HiggsML marker: each chunk carries its own missing cells, and the
        // markers must come back where they were, in every chunk.
        FeatureTable jets = SyntheticJets.Generate(2500, 13);
        double[] values = (double[])jets.Values.Clone();
        int pt = jets.IndexOf("pt");
        for (int r = 0; r < jets.RowCount; r += 7)
        {
            values[(r * jets.FeatureCount) + pt] = -999;
        }

        string input = Path.Combine(dir, "missing.csv");
        CsvTableWriter.Write(input, jets.WithValues(values));
        var request = new InputRequest(input, Columns: SyntheticJets.Features, Missing: -999);
        foreach (bool half in new[] { false, true })
        {
            string archive = Path.Combine(dir, $"missing-{half}.sieve"), output = Path.Combine(dir, $"missing-{half}.csv");
            CompressOutcome outcome = half
                ? QuantizeWorkflow.RunFloat16(request, archive, rowsPerChunk: 600)
                : QuantizeWorkflow.Run(request, Targets, archive, rowsPerChunk: 600);
            Assert.Equal(5, outcome.Chunks);
            DecompressWorkflow.Run(archive, null, output, threads: 2);
            FeatureTable back = CsvTableReader.Read(output, JetColumns);
            for (int r = 0; r < jets.RowCount; r++)
            {
                bool marker = r % 7 == 0;
                Assert.Equal(marker, back[r, pt] == -999);
                if (!marker)
                {
                    double relative = Math.Abs((back[r, pt] - values[(r * jets.FeatureCount) + pt]) / values[(r * jets.FeatureCount) + pt]);
                    Assert.True(relative < (half ? 1e-3 : 0.05), $"row {r + 1}: relative pT error {relative}");
                }
            }
        }
    }
}
