using BenchmarkDotNet.Running;
using Sieve.Bench;

// `ingest FILE [RUNS]`: the scripted throughput measurement (bench/ingest/run.sh).
// Anything else goes to BenchmarkDotNet, e.g. `--filter *Ingest*`.
if (args.Length >= 2 && args[0] == "ingest")
{
    return IngestMeasurement.Run(args[1], args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 5);
}

// `jets FILE [RUNS]`: jet clustering time, tiled nearest-neighbour beside all-pairs O(N^3) (bench/jets/run.sh).
if (args.Length >= 2 && args[0] == "jets")
{
    return ClusteringMeasurement.Run(args[1], args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 9);
}

// `synth-darkmachines FROM BYTES OUT [SEED]`: a non-repeating DarkMachines file for the streaming benchmark (bench/streaming/run.sh).
if (args.Length >= 4 && args[0] == "synth-darkmachines")
{
    return SyntheticDarkMachines.Run(args[1], long.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture), args[3],
        args.Length > 4 ? int.Parse(args[4], System.Globalization.CultureInfo.InvariantCulture) : 1);
}

// `synth-npy OUT ROWS FEATURES [SEED]`: a float32 table for the score benchmark (bench/score/run.sh).
if (args.Length >= 4 && args[0] == "synth-npy")
{
    return SyntheticNpy.Run(args[1], long.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture), int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture),
        args.Length > 4 ? int.Parse(args[4], System.Globalization.CultureInfo.InvariantCulture) : 1);
}

if (args.Length >= 2 && args[0] == "stages")
{
    var sw = System.Diagnostics.Stopwatch.StartNew();
    long lines = 0;
    using (var r = new StreamReader(args[1]))
    {
        while (r.ReadLine() is not null)
        {
            lines++;
        }
    }

    Console.WriteLine($"readline: {sw.Elapsed.TotalSeconds:F2} s ({lines} lines)");
    sw.Restart();
    long objects = IngestMeasurement.CountEvents(args[1]);
    Console.WriteLine($"events: {sw.Elapsed.TotalSeconds:F2} s ({objects} objects)");
    return 0;
}

BenchmarkSwitcher.FromAssembly(typeof(IngestMeasurement).Assembly).Run(args);
return 0;
