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

    /// <summary>
    /// A <see cref="SmoothModel"/>: a coarse histogram of bins of 2^p symbols with log-scale counts,
    /// about one byte per bin instead of one or two per symbol. The coder tries p = 1..6 and keeps
    /// the smallest block. Best for smooth distributions over wide windows, where the static
    /// table would cost more than the shape it captures.
    /// </summary>
    Smooth = 2,

    /// <summary>
    /// Tries <see cref="Static"/>, <see cref="Adaptive"/> and <see cref="Smooth"/>, and also
    /// <see cref="Split"/> when the stream's range (max - min + 1) exceeds 4096, and keeps the
    /// smallest block (ties go to the earlier kind, Split last); the block's mode byte tells the
    /// decoder which model was used. Costs the time of all the encodings it tries.
    /// </summary>
    Best = 3,

    /// <summary>
    /// Split: each value's offset u from the stream's minimum is cut into a high part u &gt;&gt; k,
    /// modelled with a <see cref="SmoothModel"/> of at most 4096 symbols, and k low bits written raw
    /// (k the smallest that keeps the high parts within 4096 values). For values spread over a
    /// range far wider than the other models' 2^14-symbol window, such as row numbers, which they
    /// would escape one by one. A stream whose range is at most 4096 is coded as <see cref="Smooth"/>.
    /// </summary>
    Split = 4,
}
