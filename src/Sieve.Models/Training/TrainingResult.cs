namespace Sieve.Models.Training;

/// <summary>Summary of a training run. The model holds the best weights when it is returned.</summary>
/// <param name="History">One report per epoch run (a diverged epoch included).</param>
/// <param name="BestEpoch">Epoch whose weights were kept; 0 when no epoch was good (diverged at once).</param>
/// <param name="BestValidationLoss">Its validation loss (or training loss without a validation split).</param>
/// <param name="TrainRows">Rows trained on.</param>
/// <param name="ValidationRows">Rows held out.</param>
/// <param name="StoppedEarly">Whether early stopping ended the run.</param>
public sealed record TrainingResult(IReadOnlyList<EpochReport> History, int BestEpoch, double BestValidationLoss, int TrainRows, int ValidationRows, bool StoppedEarly)
{
    /// <summary>Why training stopped before its end, when its loss diverged; null otherwise.</summary>
    public TrainingDivergence? Divergence { get; init; }

    /// <summary>Monitored loss of the initialised model (validation, or training without a validation split).</summary>
    public double StartLoss { get; init; } = double.NaN;

    /// <summary>Signs that the run went badly without diverging (e.g. the last epoch far above the first).</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
}
