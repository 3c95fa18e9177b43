using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using Sieve.Core.Events;
using Sieve.Core.Layouts;
using Sieve.Core.Tables;
using Sieve.IO.DarkMachines;

namespace Sieve.Bench;

/// <summary>
/// Scripted side-by-side measurement: DarkMachines CSV -> per-object layout tensor (float32), timed
/// over several runs on one core; prints the median throughput as one JSON line.
/// </summary>
internal static class IngestMeasurement
{
    public static int Run(string path, int runs)
    {
        long bytes = new FileInfo(path).Length;
        var seconds = new List<double>();
        long objects = 0;
        for (int run = 0; run < runs; run++)
        {
            var clock = Stopwatch.StartNew();
            long rows = 0;
            foreach (EventBatch batch in DarkMachinesBatchReader.Read(path))
            {
                rows += batch.ObjectRows().Length / 4; // the (N_objects, 4) float32 tensor the network reads
            }

            clock.Stop();
            objects = rows;
            seconds.Add(clock.Elapsed.TotalSeconds);
            GC.Collect();
        }

        seconds.Sort();
        double median = seconds[seconds.Count / 2];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{{\"tool\": \"sieve\", \"file_bytes\": {bytes}, \"rows\": {objects}, \"runs\": {runs}, \"median_seconds\": {median:F3}, \"mb_per_s\": {bytes / 1e6 / median:F1}, " +
            $"\"runtime\": \"{RuntimeInformation.FrameworkDescription}\", \"os\": \"{RuntimeInformation.OSDescription}\", \"cpus\": {Environment.ProcessorCount}}}"));
        return 0;
    }

    public static long CountEvents(string path)
    {
        long n = 0;
        foreach (Event e in DarkMachinesReader.Read(path))
        {
            n += e.Objects.Count;
        }

        return n;
    }
}
