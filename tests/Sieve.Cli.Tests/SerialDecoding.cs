namespace Sieve.Cli.Tests;

/// <summary>
/// Tests that compare two decoder runs byte for byte run alone: libtorch's kernels may split their
/// sums differently when other tests keep the cores busy, and the last float bit would differ.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SerialDecoding
{
    public const string Name = "Serial decoding";
}
