namespace Sieve.Models.Training;

/// <summary>What happened in one epoch; reported through IProgress and written to history.csv.</summary>
/// <param name="Epoch">1-based epoch number.</param>
/// <param name="Epochs">Planned number of epochs.</param>
/// <param name="TrainLoss">Mean training loss (normalised units).</param>
/// <param name="ValidationLoss">Validation loss (normalised units); NaN without a validation split.</param>
/// <param name="LearningRate">Learning rate used in this epoch.</param>
/// <param name="Seconds">Wall time of the epoch.</param>
/// <param name="IsBest">Whether this epoch has the best validation loss so far.</param>
public sealed record EpochReport(int Epoch, int Epochs, double TrainLoss, double ValidationLoss, double LearningRate, double Seconds, bool IsBest);
