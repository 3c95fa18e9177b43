namespace Sieve.Models.Scoring;

/// <summary>What runs a model's forward pass when scoring.</summary>
public enum ScoreEngine
{
    /// <summary>The native kernels for a dense model (the fast path), libtorch for any other.</summary>
    Auto,

    /// <summary>The project's own vectorised kernels (<see cref="NativeAnomalyScorer"/>); dense models only.</summary>
    Native,

    /// <summary>libtorch (<see cref="AnomalyScorer"/>), the reference the native kernels are checked against.</summary>
    Torch,

    /// <summary>
    /// The model's fixed-point types (fixed-point.json, written by `sieve quantize-model`) emulated
    /// bit for bit: the reconstruction score and, for a VAE, R_z that the trigger hardware would give.
    /// </summary>
    FixedPoint,
}
