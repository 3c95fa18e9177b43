namespace Sieve.Models.Checkpoints;

/// <summary>Outcome of training, kept in the manifest.</summary>
/// <param name="BestEpoch">Epoch whose weights were kept.</param>
/// <param name="EpochsRun">Epochs actually run.</param>
/// <param name="BestValidationLoss">Validation MSE in normalised units at the best epoch.</param>
/// <param name="TrainRows">Rows trained on.</param>
/// <param name="ValidationRows">Rows held out for validation.</param>
/// <param name="Input">Training input file name.</param>
public sealed record TrainingSummary(int BestEpoch, int EpochsRun, double BestValidationLoss, int TrainRows, int ValidationRows, string Input);
