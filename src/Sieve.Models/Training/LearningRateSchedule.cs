namespace Sieve.Models.Training;

/// <summary>How the learning rate changes over training.</summary>
public enum LearningRateSchedule
{
    /// <summary>Fixed learning rate.</summary>
    Constant,

    /// <summary>Halve the rate when the validation loss has not improved for a few epochs.</summary>
    ReduceOnPlateau,

    /// <summary>Cosine decay from the initial rate to 1 % of it over all epochs.</summary>
    Cosine,
}
