using System.Diagnostics;
using System.Globalization;
using System.Text;
using Sieve.Core.Errors;

namespace Sieve.Core.Tests.Fuzzing;

/// <summary>
/// Feeds mutated inputs to readers and tallies what came out. Input i of a run with seed s is a
/// function of (s, i) alone, so any failure is reproduced by its numbers. A reader may accept the
/// input or refuse it with a <see cref="SieveDataException"/> (or a subclass) whose message names
/// the file; anything else escaping, a message without the place, a read slower than the time
/// limit or one that allocates more than <see cref="AllocationLimit"/> is a failure.
/// </summary>
internal sealed class FuzzRun(IReadOnlyList<FuzzTarget> targets, int seed, TimeSpan timeLimit, string scratch)
{
    /// <summary>Bytes one input may make a reader allocate: far more than any of the small inputs needs, far less than a size taken from a corrupt header would ask.</summary>
    public const long AllocationLimit = 1L << 30;

    /// <summary>
    /// What PureHDF and Parquet.Net may allocate: inside their decoders a block (a global-heap object,
    /// a page) is allocated by the size its header declares, an int32, before the read finds the file
    /// too short. Sieve checks the sizes it can see (shapes, attributes, column chunks) against the file;
    /// these it cannot, so they are bounded by int32 and freed at once.
    /// </summary>
    public const long LibraryBlockLimit = (1L << 31) + (1L << 28);

    private readonly Dictionary<string, ReaderTally> _tallies = targets.ToDictionary(t => t.Reader, _ => new ReaderTally());

    /// <summary>The failures found, each with what reproduces it.</summary>
    public List<string> Failures { get; } = [];

    /// <summary>Per reader: inputs, accepted, refused by exception type, largest allocation.</summary>
    public IReadOnlyDictionary<string, ReaderTally> Tallies => _tallies;

    /// <summary>Total time spent.</summary>
    public TimeSpan Elapsed { get; private set; }

    /// <summary>Runs inputs <paramref name="from"/> to <paramref name="from"/> + <paramref name="count"/> - 1.</summary>
    public void Run(int count, int from = 0)
    {
        var clock = Stopwatch.StartNew();
        for (int i = from; i < from + count; i++)
        {
            One(i);
        }

        Elapsed = clock.Elapsed;
    }

    /// <summary>Input <paramref name="index"/>: which target, which seed file, which mutations (1 to 3).</summary>
    public (FuzzTarget Target, byte[] Bytes, string Kinds) Input(int index)
    {
        var random = new Random(unchecked((seed * 1_000_003) + index));
        FuzzTarget target = targets[index % targets.Count];
        byte[] bytes = target.Seeds[random.Next(target.Seeds.Count)];
        int mutations = 1 + random.Next(3);
        var kinds = new List<string>();
        for (int m = 0; m < mutations; m++)
        {
            bytes = Mutator.Mutate(bytes, random, out string kind);
            kinds.Add(kind);
        }

        return (target, bytes, string.Join(" + ", kinds));
    }

    private void One(int index)
    {
        (FuzzTarget target, byte[] bytes, string kinds) = Input(index);
        ReaderTally tally = _tallies[target.Reader];
        string path = Path.Combine(scratch, $"input-{index}{target.Extension}");
        File.WriteAllBytes(path, bytes);
        long allocated = 0;
        Exception? escaped = null;
        var read = Task.Factory.StartNew(() =>
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            try
            {
                target.Read(path, bytes);
            }
            catch (Exception e)
            {
                escaped = e;
            }
            finally
            {
                allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            }
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        string where = $"{target.Reader}, input {index} of seed {seed} ({kinds}, {bytes.Length} bytes)";
        tally.Inputs++;
        if (!read.Wait(timeLimit))
        {
            // The reader's thread cannot be stopped; its file is left behind and the run goes on.
            Failures.Add($"{where}: no result within {timeLimit.TotalSeconds:F0} s (a hang)");
            tally.Count("hang");
            Keep(index, target, bytes);
            return;
        }

        File.Delete(path);
        tally.LargestAllocation = Math.Max(tally.LargestAllocation, allocated);
        if (allocated > target.AllocationLimit)
        {
            Failures.Add($"{where}: allocated {allocated / (1 << 20)} MiB");
            Keep(index, target, bytes);
        }

        switch (escaped)
        {
            case null:
                tally.Accepted++;
                break;
            case SieveDataException e when e.Message.Contains(Path.GetFileName(path), StringComparison.Ordinal):
                tally.Count(e.GetType().Name);
                break;
            case SieveDataException e:
                tally.Count(e.GetType().Name);
                Failures.Add($"{where}: the message does not name the file: {e.Message}");
                break;
            default:
                tally.Count(escaped.GetType().Name);
                Failures.Add($"{where}: {escaped.GetType().FullName} escaped: {escaped.Message}\n{escaped.StackTrace}");
                Keep(index, target, bytes);
                break;
        }
    }

    // SIEVE_FUZZ_KEEP names a folder for the inputs that failed, to turn into regression tests.
    private static void Keep(int index, FuzzTarget target, byte[] bytes)
    {
        if (Environment.GetEnvironmentVariable("SIEVE_FUZZ_KEEP") is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
            File.WriteAllBytes(Path.Combine(folder, $"{target.Reader.Replace(' ', '-')}-{index}{target.Extension}"), bytes);
        }
    }

    /// <summary>The counts as a Markdown table.</summary>
    public string Report()
    {
        var text = new StringBuilder();
        int total = _tallies.Values.Sum(t => t.Inputs);
        text.AppendLine(CultureInfo.InvariantCulture, $"{total} inputs, seed {seed}, {Elapsed.TotalSeconds:F1} s, {Failures.Count} failures");
        text.AppendLine();
        text.AppendLine("| reader | inputs | read without error | refused (exception: count) | largest allocation |");
        text.AppendLine("|---|---:|---:|---|---:|");
        foreach ((string reader, ReaderTally t) in _tallies)
        {
            string refused = string.Join(", ", t.Refused.OrderByDescending(kv => kv.Value).Select(kv => $"{kv.Key}: {kv.Value}"));
            text.AppendLine(CultureInfo.InvariantCulture, $"| {reader} | {t.Inputs} | {t.Accepted} | {refused} | {t.LargestAllocation / (1 << 20)} MiB |");
        }

        return text.ToString();
    }
}

/// <summary>What one reader did with its inputs.</summary>
internal sealed class ReaderTally
{
    public int Inputs { get; set; }

    public int Accepted { get; set; }

    public Dictionary<string, int> Refused { get; } = [];

    public long LargestAllocation { get; set; }

    public void Count(string outcome) => Refused[outcome] = Refused.GetValueOrDefault(outcome) + 1;
}
