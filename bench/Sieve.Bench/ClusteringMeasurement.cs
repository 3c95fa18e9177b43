using System.Diagnostics;
using System.Globalization;
using Sieve.Core.Jets;
using Sieve.IO.Generators;

namespace Sieve.Bench;

/// <summary>
/// `jets FILE [RUNS]`: anti-kt R = 0.4 clustering time of the first event of a FastJet text file,
/// the tiled nearest-neighbour clustering beside the all-pairs O(N^3) one, on the whole event
/// and on its first 250, 500 and 1000 particles (medians of RUNS, after one warm-up). Prints a
/// markdown table (bench/jets/run.sh).
/// </summary>
public static class ClusteringMeasurement
{
    /// <summary>Above this many particles the O(N^3) search is not timed (minutes per run).</summary>
    private const int NaiveLimit = 1000;

    public static int Run(string path, int runs)
    {
        FourMomentum[] all = FastJetTextReader.Read(path).First().Particles.Select(FourMomentum.Of).ToArray();
        var definition = new JetDefinition(JetAlgorithm.AntiKt, 0.4, 5);
        Console.WriteLine("| particles | tiled nearest-neighbour ms | O(N^3) all pairs ms | ratio | jets |");
        Console.WriteLine("|---|---|---|---|---|");
        foreach (int n in new[] { 250, 500, 1000, all.Length }.Where(n => n <= all.Length).Distinct())
        {
            FourMomentum[] particles = all[..n];
            (double fast, int jets) = Median(runs, () => JetClustering.InclusiveJets(particles, definition).Count);
            string naive = "-";
            string ratio = "-";
            if (n <= NaiveLimit)
            {
                (double slow, int naiveJets) = Median(Math.Min(runs, 3), () => NaiveJetClustering.InclusiveJets(particles, definition).Count);
                if (naiveJets != jets)
                {
                    throw new InvalidOperationException($"the two clusterings disagree at {n} particles: {jets} and {naiveJets} jets");
                }

                naive = slow.ToString("F1", CultureInfo.InvariantCulture);
                ratio = (slow / fast).ToString("F0", CultureInfo.InvariantCulture) + "x";
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {n} | {fast:F2} | {naive} | {ratio} | {jets} |"));
        }

        return 0;
    }

    private static (double Milliseconds, int Result) Median(int runs, Func<int> work)
    {
        int result = work(); // warm-up (JIT)
        var times = new double[runs];
        for (int r = 0; r < runs; r++)
        {
            var clock = Stopwatch.StartNew();
            result = work();
            times[r] = clock.Elapsed.TotalMilliseconds;
        }

        Array.Sort(times);
        return (times[runs / 2], result);
    }
}
