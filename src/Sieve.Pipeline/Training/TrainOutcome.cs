using Sieve.Models.Checkpoints;
using Sieve.Models.Training;

namespace Sieve.Pipeline;

/// <summary>What `sieve train` produced.</summary>
/// <param name="ModelDirectory">The model directory.</param>
/// <param name="Manifest">Its manifest.</param>
/// <param name="Result">Training history and best epoch.</param>
/// <param name="Dropped">Objects of the training input that did not fit the layout's slots.</param>
/// <param name="KeptLossless">Integer identifier or counter columns left out of the features (automatic selection).</param>
public sealed record TrainOutcome(string ModelDirectory, ModelManifest Manifest, TrainingResult Result, Sieve.Core.Layouts.DroppedObjects? Dropped = null,
    IReadOnlyList<string>? KeptLossless = null);
