using BenchmarkDotNet.Attributes;
using Sieve.Core.Tables;
using Sieve.IO.Root;
using Sieve.IO.Tables;

namespace Sieve.Bench;

/// <summary>
/// BenchmarkDotNet: reading the CMS Zmumu tree (2,304 entries, 19 numeric branches) from ROOT in
/// each compression against the same table as CSV (written once in setup with round-trip
/// numbers), whole table and one branch. Run:
/// dotnet run -c Release --project bench/Sieve.Bench -- --filter '*RootRead*'
/// </summary>
[MemoryDiagnoser]
public class RootReadBenchmarks
{
    private string folder = string.Empty;
    private string csv = string.Empty;

    /// <summary>Compression variant of the ROOT file.</summary>
    [Params("uncompressed", "zlib", "lz4", "lzma", "zstd")]
    public string Compression { get; set; } = "zlib";

    private string Root => Path.Combine(folder, $"uproot-Zmumu-{Compression}.root");

    [GlobalSetup]
    public void Setup()
    {
        folder = Environment.GetEnvironmentVariable("SIEVE_ROOT_DIR")
            ?? Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../../../shared/data/root"));
        if (!File.Exists(Root))
        {
            throw new FileNotFoundException($"set SIEVE_ROOT_DIR; {Root} not found", Root);
        }

        csv = Path.Combine(Path.GetTempPath(), $"sieve-bench-zmumu-{Environment.ProcessId}.csv");
        CsvTableWriter.Write(csv, RootTableReader.Read(Root), "R");
    }

    [GlobalCleanup]
    public void Cleanup() => File.Delete(csv);

    [Benchmark(Baseline = true)]
    public int CsvTable() => CsvTableReader.Read(csv).RowCount;

    [Benchmark]
    public int RootTable() => RootTableReader.Read(Root).RowCount;

    [Benchmark]
    public int RootOneBranch()
    {
        using RootFile file = RootFile.Open(Root);
        return file.OpenTree().ReadColumn("px1").Values.Length;
    }
}
