using System.Globalization;
using System.IO.Compression;
using System.Text;
using Sieve.Compression.Archive;
using Sieve.Core.Tables;
using Sieve.Core.Tests.Compression;
using Sieve.IO.DarkMachines;
using Sieve.IO.Generators;
using Sieve.IO.Hdf5;
using Sieve.IO.Numpy;
using Sieve.IO.Parquet;
using Sieve.IO.Root;
using Sieve.IO.Tables;

namespace Sieve.Core.Tests.Fuzzing;

/// <summary>
/// Every reader, with valid inputs derived from the real files in shared/data: text files cut to
/// their first records (so that each input reads in milliseconds), binary formats written from a
/// real table by Sieve's own writers, and the ROOT files as they are.
/// </summary>
internal static class FuzzTargets
{
    /// <summary>The targets whose files exist under <paramref name="data"/>; <paramref name="scratch"/> holds the files written to build them.</summary>
    public static IReadOnlyList<FuzzTarget> All(string data, string scratch)
    {
        string P(string relative) => Path.Combine(data, relative);
        var targets = new List<FuzzTarget>();

        byte[] dark = TextPrefix(File.ReadAllBytes(P("darkmachines/monojet_Zp2000.0_DM_50.0_chan3.csv")), 12_000);
        targets.Add(new("DarkMachines lines", ".csv", [dark], (path, _) => Drain(DarkMachinesReader.Read(path))));
        targets.Add(new("DarkMachines batches", ".csv", [dark], (path, _) => Drain(DarkMachinesBatchReader.Read(path, eventsPerBatch: 16))));

        byte[][] tables =
        [
            TextPrefix(File.ReadAllBytes(P("atlas-jets-4d/test.csv")), 6_000),
            TextPrefix(File.ReadAllBytes(P("higgsml/bg.csv")), 12_000),
        ];
        targets.Add(new("CSV table", ".csv", tables, (path, _) => CsvTableReader.Read(path)));
        targets.Add(new("CSV table chunks", ".csv", tables, (path, _) => Drain(CsvTableReader.ReadChunks(path, rowsPerChunk: 16))));

        // Binary table formats: the first rows of the real HiggsML table, written by Sieve.
        FeatureTable higgs = CsvTableReader.Read(new StringReader(Encoding.UTF8.GetString(tables[1])), "bg.csv");
        FeatureTable atlas = CsvTableReader.Read(new StringReader(Encoding.UTF8.GetString(tables[0])), "test.csv");
        string npy = Path.Combine(scratch, "seed.npy"), npy32 = Path.Combine(scratch, "seed32.npy");
        // .npy holds numbers only: the features, without the id columns.
        NpyWriter.WriteTable(npy, new FeatureTable(atlas.FeatureNames, atlas.Values, atlas.RowCount, [], atlas.FeatureNames));
        NpyWriter.WriteTable(npy32, new FeatureTable(higgs.FeatureNames, higgs.Values, higgs.RowCount, [], higgs.FeatureNames), Sieve.IO.Arrays.ArrayElementType.Float32);
        targets.Add(new(".npy", ".npy", [File.ReadAllBytes(npy), File.ReadAllBytes(npy32)], (path, bytes) =>
        {
            NpyReader.Read(new MemoryStream(bytes), path);
            NpyReader.ReadTable(path);
        }));
        string npz = Path.Combine(scratch, "seed.npz"), npzDeflated = Path.Combine(scratch, "seed-deflated.npz");
        NpzWriter.Write(npz, [new("atlas", NpyReader.Read(npy)), new("higgs", NpyReader.Read(npy32))]);
        NpzWriter.Write(npzDeflated, [new("atlas", NpyReader.Read(npy))], compress: true);
        targets.Add(new(".npz", ".npz", [File.ReadAllBytes(npz), File.ReadAllBytes(npzDeflated)], (path, _) => NpzReader.ReadAll(path)));
        string h5 = Path.Combine(scratch, "seed.h5");
        Hdf5TableWriter.Write(h5, higgs);
        targets.Add(new("HDF5", ".h5", [File.ReadAllBytes(h5)], (path, _) => Hdf5TableReader.Read(path)) { AllocationLimit = FuzzRun.LibraryBlockLimit });
        string parquet = Path.Combine(scratch, "seed.parquet");
        ParquetTableWriter.Write(parquet, higgs);
        targets.Add(new("Parquet", ".parquet", [File.ReadAllBytes(parquet)], (path, bytes) => ParquetTableReader.Read(new MemoryStream(bytes), path)) { AllocationLimit = FuzzRun.LibraryBlockLimit });

        // Generator files: whole events only, closed as a file would be.
        byte[] lhe = Closed(File.ReadAllBytes(P("lhe/pylhe-testfile-powheg-box-v2-W.lhe")), 14_000, "</event>\n", "</LesHouchesEvents>\n");
        targets.Add(new("LHE", ".lhe", [lhe], (path, _) => Drain(GeneratorReader.Read(path, GeneratorFormat.Lhe))));
        byte[] hepmcText = Gunzip(File.ReadAllBytes(P("hepmc3/example.hepmc3.gz")));
        byte[] hepmc = Closed(hepmcText, 20_000, "\nE ", "HepMC::Asciiv3-END_EVENT_LISTING\n", keepMarker: false);
        targets.Add(new("HepMC3", ".hepmc3", [hepmc], (path, _) => Drain(GeneratorReader.Read(path, GeneratorFormat.HepMC3))));
        targets.Add(new("HepMC3 gzip", ".hepmc3.gz", [Gzip(hepmc)], (path, _) => Drain(GeneratorReader.Read(path, GeneratorFormat.HepMC3))));
        byte[][] fastjet = [File.ReadAllBytes(P("fastjet/boosted_top_event.dat")), TextPrefix(File.ReadAllBytes(P("fastjet/single-event.dat")), 10_000)];
        targets.Add(new("FastJet text", ".dat", fastjet, (path, _) => Drain(GeneratorReader.Read(path, GeneratorFormat.FastJetText))));

        // ROOT: the small files as they are (several compressions, versions and tree shapes).
        byte[][] root =
        [
            .. new[]
            {
                "uproot-simple.root", "uproot-leaflist.root", "uproot-small-flat-tree.root", "uproot-sample-6.20.04-zlib.root",
                "uproot-sample-6.20.04-lz4.root", "uproot-sample-6.20.04-uncompressed.root", "uproot-sample-5.23.02-zlib.root",
                "Run2012BC_DoubleMuParked_Muons_1000evts_rntuple_v1-0-0-0.root",
            }.Select(n => File.ReadAllBytes(P("root/" + n))),
        ];
        targets.Add(new("ROOT table", ".root", root, (path, _) => RootTableReader.Read(path)));
        byte[][] rootEvents = [File.ReadAllBytes(P("root/uproot-Zmumu-zstd.root")), root[2]];
        targets.Add(new("ROOT events", ".root", rootEvents, (path, _) => Drain(RootEventReader.Read(path))));

        // Archives: the first rows of the ATLAS jets as int32 latents (what the quantiser stores) and their ids as a side channel.
        ArchiveContent content = Archive(atlas);
        targets.Add(new(".sieve v4", ".sieve", [ArchiveWriter.ToBytes(content)], (path, bytes) => ArchiveReader.FromBytes(bytes, path)));
        string v5 = Path.Combine(scratch, "seed-v5.sieve");
        ChunkedArchiveWriter.WriteChunked(v5, content with { Header = content.Header with { FormatVersion = ArchiveFormat.ChunkedVersion } }, rowsPerChunk: 16, threads: 1);
        targets.Add(new(".sieve v5 chunked", ".sieve", [File.ReadAllBytes(v5)], (path, bytes) => ArchiveReader.FromBytes(bytes, path)));
        return targets;
    }

    private static void Drain<T>(IEnumerable<T> items)
    {
        foreach (T _ in items)
        {
        }
    }

    // The first lines of a text file, up to about `bytes`, ending at a line end.
    private static byte[] TextPrefix(byte[] text, int bytes)
    {
        if (text.Length <= bytes)
        {
            return text;
        }

        int end = Array.LastIndexOf(text, (byte)'\n', bytes);
        return text[..(end + 1)];
    }

    // The file up to the last `marker` before `bytes` (keeping or dropping the marker), then `closing`.
    private static byte[] Closed(byte[] text, int bytes, string marker, string closing, bool keepMarker = true)
    {
        string s = Encoding.UTF8.GetString(text);
        if (s.Length <= bytes)
        {
            return text;
        }

        int at = s.LastIndexOf(marker, bytes, StringComparison.Ordinal);
        return Encoding.UTF8.GetBytes(s[..(keepMarker ? at + marker.Length : at + 1)] + closing);
    }

    private static byte[] Gunzip(byte[] bytes)
    {
        using var input = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress);
        using var output = new MemoryStream();
        input.CopyTo(output);
        return output.ToArray();
    }

    private static byte[] Gzip(byte[] bytes)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(bytes);
        }

        return output.ToArray();
    }

    private static ArchiveContent Archive(FeatureTable table)
    {
        int pt = table.IndexOf("pt"), eta = table.IndexOf("eta");
        ArchiveHeader header = ArchiveSamples.Header(table.RowCount, 2, ["id"], new System.Text.Json.Nodes.JsonObject { ["kind"] = "none" });
        float[] latents = new float[table.RowCount * 2];
        for (int r = 0; r < table.RowCount; r++)
        {
            latents[2 * r] = MathF.Round((float)(table[r, pt] / 100));
            latents[(2 * r) + 1] = MathF.Round((float)(table[r, eta] * 1000));
        }

        IReadOnlyList<string> ids = table.SideChannels.Count > 0
            ? table.SideChannels[0].Values
            : [.. Enumerable.Range(0, table.RowCount).Select(i => i.ToString(CultureInfo.InvariantCulture))];
        return new ArchiveContent(header with { FormatVersion = 4, Latent = header.Latent with { DType = LatentDType.Int32 } }, latents, [new SideChannel("id", ids)]);
    }
}
