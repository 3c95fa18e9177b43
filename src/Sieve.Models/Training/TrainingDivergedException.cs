namespace Sieve.Models.Training;

/// <summary>
/// Training produced no usable model: the initialised model's loss is not finite, or the loss diverged
/// (see <see cref="TrainingDivergence"/>) before any epoch was good. A consequence of the options
/// (learning rate, loss weights) or the data, not a bug, so the CLI reports it as a usage error.
/// </summary>
public sealed class TrainingDivergedException : InvalidOperationException
{
    /// <summary>Creates the exception with the message shown to the user.</summary>
    public TrainingDivergedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an empty exception (for serialisers).</summary>
    public TrainingDivergedException()
    {
    }

    /// <summary>Creates the exception with an inner exception.</summary>
    public TrainingDivergedException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
