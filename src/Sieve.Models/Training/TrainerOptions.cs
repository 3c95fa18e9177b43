namespace Sieve.Models.Training;

/// <summary>
/// Training settings with documented defaults. Immutable: derived values are computed, never
/// written back.
/// </summary>
public sealed record TrainerOptions
{
    /// <summary>Maximum number of passes over the training split. Default 100.</summary>
    public int Epochs { get; init; } = 100;

    /// <summary>Rows per optimiser step. Default 256.</summary>
    public int BatchSize { get; init; } = 256;

    /// <summary>Initial Adam learning rate. Default 1e-3.</summary>
    public double LearningRate { get; init; } = 1e-3;

    /// <summary>Adam weight decay (L2). Default 0.</summary>
    public double WeightDecay { get; init; }

    /// <summary>Fraction of the training input held out for validation (never trained on). Default 0.2.</summary>
    public double ValidationFraction { get; init; } = 0.2;

    /// <summary>Stop after this many epochs without a better validation loss; 0 disables. Default 20.</summary>
    public int EarlyStoppingPatience { get; init; } = 20;

    /// <summary>Learning-rate schedule. Default <see cref="LearningRateSchedule.ReduceOnPlateau"/>.</summary>
    public LearningRateSchedule Schedule { get; init; } = LearningRateSchedule.ReduceOnPlateau;

    /// <summary>Epochs without improvement before the plateau schedule halves the rate. Default 5.</summary>
    public int PlateauPatience { get; init; } = 5;

    /// <summary>Seed for the split, shuffling and initial weights. Default 42.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>
    /// Weight of each feature in the reconstruction loss, in feature order (null = all 1). The
    /// weights are rescaled to average 1, so the loss stays comparable to a plain MSE. Use them to
    /// spend the latent's capacity where precision matters most (e.g. pT and m of jets).
    /// </summary>
    public IReadOnlyList<double>? FeatureWeights { get; init; }

    /// <summary>
    /// CPU threads for libtorch; 0 keeps libtorch's default (one per core). Small dense models
    /// often train faster on one thread (measured: 4-200-100-50-3 at batch 256 on two cores, 1.5x).
    /// </summary>
    public int Threads { get; init; }

    /// <summary>"cpu", "cuda", "cuda:N" or "auto" (CUDA when available). Default "auto".</summary>
    public string Device { get; init; } = "auto";

    /// <summary>
    /// Training stops as diverged when the training or validation loss of an epoch exceeds this many
    /// times the loss of the initialised model (measured before the first step), or is NaN or infinite.
    /// The start is the initialised model rather than the first epoch because a learning rate that is
    /// far too high has already blown up by the end of epoch 1. 0 turns the bound off (NaN and infinity
    /// still stop). Default 1000.
    /// </summary>
    public double DivergenceFactor { get; init; } = 1000;

    /// <summary>
    /// Epochs between resumable checkpoints (model, optimiser moments and step count, random-number
    /// state, schedule and early-stopping counters). The last epoch is always checkpointed. Default 1.
    /// </summary>
    public int CheckpointEvery { get; init; } = 1;

    /// <summary>
    /// Quantisation-aware training: every step computes the loss and its gradients with the weights and
    /// biases in this fixed-point type and applies the gradients to the float weights (straight-through
    /// estimator); validation and early stopping see the quantised weights too. The float weights are
    /// saved, and `quantize-model` with the same type gives the ones training saw. Null = float training (default).
    /// </summary>
    public FixedPoint.ApFixedFormat? QuantisationAware { get; init; }

    /// <summary>Checks the settings and says what is wrong.</summary>
    public void Validate()
    {
        if (Epochs < 1)
        {
            throw new ArgumentException($"epochs must be at least 1, got {Epochs}.");
        }

        if (Threads < 0)
        {
            throw new ArgumentException($"threads must be 0 (libtorch default) or positive, got {Threads}.");
        }

        if (BatchSize < 1)
        {
            throw new ArgumentException($"batch size must be at least 1, got {BatchSize}.");
        }

        if (!(LearningRate > 0))
        {
            throw new ArgumentException($"learning rate must be positive, got {LearningRate}.");
        }

        if (FeatureWeights is not null && FeatureWeights.Any(w => !(w >= 0) || double.IsInfinity(w)))
        {
            throw new ArgumentException($"feature weights must be finite and non-negative, got [{string.Join(", ", FeatureWeights)}].");
        }

        if (FeatureWeights is not null && !(FeatureWeights.Sum() > 0))
        {
            throw new ArgumentException("at least one feature weight must be positive.");
        }

        if (!(DivergenceFactor == 0 || DivergenceFactor > 1) || double.IsInfinity(DivergenceFactor))
        {
            throw new ArgumentException($"divergence factor must be 0 (off) or a finite number above 1, got {DivergenceFactor}.");
        }

        if (CheckpointEvery < 1)
        {
            throw new ArgumentException($"checkpoint interval must be at least 1 epoch, got {CheckpointEvery}.");
        }

        if (ValidationFraction is < 0 or >= 1)
        {
            throw new ArgumentException($"validation fraction must be in [0, 1), got {ValidationFraction}.");
        }
    }
}
