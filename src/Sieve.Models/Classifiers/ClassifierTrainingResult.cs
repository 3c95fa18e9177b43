using Sieve.Models.Training;

namespace Sieve.Models.Classifiers;

/// <summary>What a classifier training did; the model holds the weights of <see cref="BestEpoch"/>.</summary>
/// <param name="BestEpoch">Epoch with the lowest validation loss (1-based); 0 when no epoch was usable.</param>
/// <param name="BestValidationLoss">Its class-balanced weighted BCE.</param>
/// <param name="History">(training loss, validation loss) per epoch run.</param>
/// <param name="Divergence">Why the run stopped early on a diverging loss; null otherwise.</param>
public sealed record ClassifierTrainingResult(int BestEpoch, double BestValidationLoss, IReadOnlyList<(double Train, double Validation)> History, TrainingDivergence? Divergence);
