namespace Sieve.Models.Training;

/// <summary>Summary of a training run. The model holds the best weights when it is returned.</summary>
/// <param name="History">One report per epoch run.</param>
/// <param name="BestEpoch">Epoch whose weights were kept.</param>
/// <param name="BestValidationLoss">Its validation loss (or training loss without a validation split).</param>
/// <param name="TrainRows">Rows trained on.</param>
/// <param name="ValidationRows">Rows held out.</param>
/// <param name="StoppedEarly">Whether early stopping ended the run.</param>
public sealed record TrainingResult(IReadOnlyList<EpochReport> History, int BestEpoch, double BestValidationLoss, int TrainRows, int ValidationRows, bool StoppedEarly);
