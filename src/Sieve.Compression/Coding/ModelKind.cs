namespace Sieve.Compression.Coding;

/// <summary>How <see cref="EntropyCoder"/> models the probabilities of a symbol stream.</summary>
public enum ModelKind
{
    /// <summary>
    /// One static <see cref="FrequencyModel"/> for the whole stream, counted in a first pass and
    /// stored in the block. Best when the statistics do not drift; costs the model's bytes.
    /// </summary>
    Static = 0,

    /// <summary>
    /// An <see cref="AdaptiveModel"/>: counts start flat and are updated as symbols are coded,
    /// with periodic halving so recent symbols weigh more. No table is stored (only the symbol
    /// window); best for short streams or streams whose statistics drift.
    /// </summary>
    Adaptive = 1,
}
