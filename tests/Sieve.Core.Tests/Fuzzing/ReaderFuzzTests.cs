using System.Globalization;
using Sieve.Tests.Shared;
using Xunit.Abstractions;

namespace Sieve.Core.Tests.Fuzzing;

/// <summary>
/// Every reader fed mutated versions of the real files: only SieveDataException (and its
/// subclasses) may escape, naming the file; no input hangs or allocates by a size it declares.
/// A short run by default; SIEVE_FUZZ_COUNT sets the number of inputs (a long run), SIEVE_FUZZ_SEED
/// the seed, SIEVE_FUZZ_FROM the first input (to rerun one), SIEVE_FUZZ_REPORT a file for the counts.
/// </summary>
public sealed class ReaderFuzzTests(ITestOutputHelper output) : IDisposable
{
    /// <summary>Inputs of the short run (in CI, a few seconds).</summary>
    public const int ShortRunInputs = 3000;

    private readonly string scratch = Directory.CreateTempSubdirectory("sieve-fuzz-").FullName;

    public void Dispose() => Directory.Delete(scratch, recursive: true);

    private static int Setting(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out int value) ? value : fallback;

    [SkippableFact]
    public void Mutated_inputs_raise_only_documented_errors_that_name_the_file()
    {
        string data = Path.GetDirectoryName(Path.GetDirectoryName(SharedData.Require("darkmachines/monojet_Zp2000.0_DM_50.0_chan3.csv"))!)!;
        IReadOnlyList<FuzzTarget> targets = FuzzTargets.All(data, scratch);
        var run = new FuzzRun(targets, Setting("SIEVE_FUZZ_SEED", 20261203), TimeSpan.FromSeconds(Setting("SIEVE_FUZZ_SECONDS", 20)), scratch);
        run.Run(Setting("SIEVE_FUZZ_COUNT", ShortRunInputs), Setting("SIEVE_FUZZ_FROM", 0));
        string report = run.Report();
        output.WriteLine(report);
        if (Environment.GetEnvironmentVariable("SIEVE_FUZZ_REPORT") is { Length: > 0 } file)
        {
            File.WriteAllText(file, report + "\n" + string.Join("\n\n", run.Failures));
        }

        Assert.True(run.Failures.Count == 0, $"{run.Failures.Count} failures; the first:\n{string.Join("\n\n", run.Failures.Take(5))}\n\n{report}");
    }

    [SkippableFact]
    public void Inputs_are_reproducible_from_the_seed_and_their_number()
    {
        string data = Path.GetDirectoryName(Path.GetDirectoryName(SharedData.Require("darkmachines/monojet_Zp2000.0_DM_50.0_chan3.csv"))!)!;
        IReadOnlyList<FuzzTarget> targets = FuzzTargets.All(data, scratch);
        var a = new FuzzRun(targets, 7, TimeSpan.FromSeconds(1), scratch);
        var b = new FuzzRun(targets, 7, TimeSpan.FromSeconds(1), scratch);
        for (int i = 0; i < 200; i += 7)
        {
            Assert.Equal(a.Input(i).Bytes, b.Input(i).Bytes);
            Assert.Equal(a.Input(i).Kinds, b.Input(i).Kinds);
        }

        Assert.NotEqual(a.Input(0).Bytes, new FuzzRun(targets, 8, TimeSpan.FromSeconds(1), scratch).Input(0).Bytes);
    }
}
