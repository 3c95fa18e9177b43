namespace Sieve.Models.Training;

/// <summary>
/// The trainer's bookkeeping after an epoch: everything besides tensors that the next epoch depends
/// on (schedule, early stopping, divergence reference), so that a resumed run takes the same
/// decisions as one that was never interrupted.
/// </summary>
/// <param name="EpochsDone">Epochs completed.</param>
/// <param name="LearningRate">Learning rate of the last epoch (the plateau schedule continues from it).</param>
/// <param name="BestLoss">Best monitored loss so far (validation, or training without a validation split).</param>
/// <param name="BestEpoch">Its epoch; 0 before any.</param>
/// <param name="SinceBest">Epochs since the best one.</param>
/// <param name="SincePlateauCut">Epochs since the plateau schedule last cut the rate.</param>
/// <param name="StartTrainLoss">Training loss of the initialised model.</param>
/// <param name="StartValidationLoss">Validation loss of the initialised model; NaN without a validation split.</param>
/// <param name="Finished">Whether training ended (all epochs or early stopping): nothing is left to resume.</param>
/// <param name="StoppedEarly">Whether early stopping ended it.</param>
/// <param name="History">One report per completed epoch.</param>
public sealed record TrainerState(int EpochsDone, double LearningRate, double BestLoss, int BestEpoch, int SinceBest, int SincePlateauCut,
    double StartTrainLoss, double StartValidationLoss, bool Finished, bool StoppedEarly, IReadOnlyList<EpochReport> History)
{
    /// <summary>Refuses to resume a run that early stopping ended or that has no epochs left of <paramref name="epochs"/>.</summary>
    /// <exception cref="ArgumentException">Nothing is left to train; the message says why.</exception>
    public void CheckResumable(int epochs)
    {
        if (StoppedEarly)
        {
            throw new ArgumentException($"nothing to resume: early stopping ended the training at epoch {EpochsDone}.");
        }

        if (EpochsDone >= epochs)
        {
            throw new ArgumentException($"nothing to resume: training {(Finished ? "finished" : "has run")} {EpochsDone} epochs, and {epochs} are planned; give more epochs to train further.");
        }
    }
}
