namespace Sieve.Models.Tests.Training;

/// <summary>
/// Tests that compare two training runs bit for bit run alone: libtorch's default generator is one
/// per process (a VAE draws its noise from it, model construction its initial weights), so another
/// test seeding or drawing from it in parallel would change the stream between the runs.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SerialTraining
{
    public const string Name = "Serial training";
}
