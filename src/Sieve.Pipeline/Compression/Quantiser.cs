namespace Sieve.Pipeline;

/// <summary>How compress --method quantize turns transformed features into integers.</summary>
public enum Quantiser
{
    /// <summary>
    /// 4-state trellis-coded quantisation (default for RMS targets): the encoder picks each index
    /// along a trellis path, which reaches the same RMS with about 0.15 bit less per value; not for
    /// --max-error, since a single value may land up to a step away.
    /// </summary>
    Trellis,

    /// <summary>Each value rounded on its own to the nearest multiple of the step (needed for --max-error).</summary>
    Uniform,
}
