namespace Sieve.Core.Tables;

/// <summary>What a missing value (a marker such as HiggsML's -999.0) is replaced by in the model input.</summary>
public enum MissingValueFill
{
    /// <summary>0 in every feature (the default: needs no fitted statistics).</summary>
    Zero,

    /// <summary>The mean of the feature's present values, fitted on the training rows only.</summary>
    TrainingMean,
}
