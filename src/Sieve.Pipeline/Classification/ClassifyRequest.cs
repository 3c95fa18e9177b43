using Sieve.Core.Metrics.Classification;
using Sieve.Core.Normalisation;
using Sieve.Models.Classifiers;

namespace Sieve.Pipeline;

/// <summary>Everything `sieve classify` needs.</summary>
/// <param name="Background">Background input (features chosen on it; the signal is read with the same features).</param>
/// <param name="Signal">Signal input.</param>
/// <param name="OutputDirectory">Report directory.</param>
/// <param name="Normalisation">Normaliser kind, fitted on the training split only.</param>
/// <param name="Training">Classifier training settings.</param>
/// <param name="ValidationFraction">Share of each class for early stopping and the working point. Default 0.2.</param>
/// <param name="TestFraction">Share of each class held out for the report. Default 0.2.</param>
/// <param name="WorkingPoint">Where the confusion matrix is taken; chosen on the validation split.</param>
/// <param name="Bootstrap">Bootstrap replicates of the test-split AUC and TPRs.</param>
/// <param name="IgnoreWeights">Count every event once, in training and in the report.</param>
/// <param name="ClipNegativeWeights">Negative weights set to 0 in the report too (training always clips them).</param>
public sealed record ClassifyRequest(InputRequest Background, InputRequest Signal, string OutputDirectory, NormalisationKind Normalisation, ClassifierTrainingOptions Training,
    double ValidationFraction = 0.2, double TestFraction = 0.2, ClassifierWorkingPoint? WorkingPoint = null, int Bootstrap = 200,
    bool IgnoreWeights = false, bool ClipNegativeWeights = false);
