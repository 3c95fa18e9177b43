namespace Sieve.Core.Tests.Fuzzing;

/// <summary>
/// One reader fed mutated inputs: the valid inputs it starts from and how it reads a file.
/// <paramref name="Read"/> gets the path of the mutated file (its name ends in <paramref name="Extension"/>, since
/// some readers go by it) and its bytes, and must read everything (enumerate every event or chunk).
/// </summary>
internal sealed record FuzzTarget(string Reader, string Extension, IReadOnlyList<byte[]> Seeds, Action<string, byte[]> Read)
{
    /// <summary>Bytes one input may make the reader allocate (see <see cref="FuzzRun.AllocationLimit"/>).</summary>
    public long AllocationLimit { get; init; } = FuzzRun.AllocationLimit;
}
