using System.Globalization;

namespace Sieve.Models.Training;

/// <summary>
/// Why a training run was stopped: at <paramref name="Epoch"/> the loss of <paramref name="Split"/>
/// was not finite or exceeded <paramref name="Bound"/> (the divergence factor times the loss of the
/// initialised model, <paramref name="StartLoss"/>).
/// </summary>
/// <param name="Epoch">Epoch whose loss diverged; its weights are never kept.</param>
/// <param name="Split">"training" or "validation".</param>
/// <param name="Loss">The loss that diverged.</param>
/// <param name="StartLoss">Loss of the initialised model on the same split.</param>
/// <param name="Bound">Largest loss accepted; infinity when the factor is 0 (only NaN/inf stop).</param>
/// <param name="LearningRate">Learning rate of the diverged epoch.</param>
public sealed record TrainingDivergence(int Epoch, string Split, double Loss, double StartLoss, double Bound, double LearningRate)
{
    /// <summary>One line for the user: what happened and what to change.</summary>
    public string Message => double.IsFinite(Loss)
        ? string.Create(CultureInfo.InvariantCulture,
            $"training diverged at epoch {Epoch}: {Split} loss {Loss:G4} is above {Bound / StartLoss:G4} x the initialised model's {StartLoss:G4}; lower the learning rate (it was {LearningRate:G4})")
        : string.Create(CultureInfo.InvariantCulture,
            $"training diverged at epoch {Epoch}: {Split} loss is {Loss}; lower the learning rate (it was {LearningRate:G4})");
}
