namespace Sieve.Models.Classifiers;

/// <summary>How a classifier is trained; every default is documented on its property.</summary>
public sealed record ClassifierTrainingOptions
{
    /// <summary>Maximum epochs. Default 100.</summary>
    public int Epochs { get; init; } = 100;

    /// <summary>Rows per Adam step. Default 256.</summary>
    public int BatchSize { get; init; } = 256;

    /// <summary>Adam learning rate. Default 1e-3.</summary>
    public double LearningRate { get; init; } = 1e-3;

    /// <summary>Early stopping: epochs without a better validation loss before the run stops (0 = never). Default 10.</summary>
    public int Patience { get; init; } = 10;

    /// <summary>Seed of initial weights and shuffling. Default 42.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>A loss above this many times the initialised model's (or NaN/inf) stops the run; 0 = only NaN/inf. Default 1000.</summary>
    public double DivergenceFactor { get; init; } = 1000;

    /// <summary>Checks the values.</summary>
    public void Validate()
    {
        if (Epochs < 1 || BatchSize < 1 || Patience < 0 || !(LearningRate > 0) || DivergenceFactor < 0)
        {
            throw new ArgumentException($"classifier training needs epochs >= 1 (got {Epochs}), batch size >= 1 ({BatchSize}), patience >= 0 ({Patience}), learning rate > 0 ({LearningRate}), divergence factor >= 0 ({DivergenceFactor}).");
        }
    }
}
