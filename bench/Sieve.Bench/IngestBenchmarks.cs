using BenchmarkDotNet.Attributes;
using Sieve.Core.Events;
using Sieve.IO.DarkMachines;

namespace Sieve.Bench;

/// <summary>
/// BenchmarkDotNet: the line reader (events as objects) against the batch reader (columns) on the
/// real DarkMachines file. Run: dotnet run -c Release --project bench/Sieve.Bench -- --filter *Ingest*
/// </summary>
[MemoryDiagnoser]
public class IngestBenchmarks
{
    private string path = string.Empty;

    [GlobalSetup]
    public void Setup()
    {
        path = Environment.GetEnvironmentVariable("SIEVE_DM_FILE")
            ?? Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../../../shared/data/darkmachines/monojet_Zp2000.0_DM_50.0_chan3.csv"));
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"set SIEVE_DM_FILE; {path} not found", path);
        }
    }

    [Benchmark(Baseline = true)]
    public long LineReader()
    {
        long objects = 0;
        foreach (Event e in DarkMachinesReader.Read(path))
        {
            objects += e.Objects.Count;
        }

        return objects;
    }

    [Benchmark]
    public long BatchReaderToTensor()
    {
        long values = 0;
        foreach (EventBatch batch in DarkMachinesBatchReader.Read(path))
        {
            values += batch.ObjectRows().Length;
        }

        return values;
    }
}
