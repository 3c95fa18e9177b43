namespace Sieve.Models.FixedPoint;

/// <summary>
/// How a value is brought onto a coarser grid of fraction bits: the quantisation modes of Vivado HLS
/// <c>ap_fixed</c> (UG902 names in brackets). The discarded part of the value decides; "half" is a
/// discarded part of exactly one half of the new least significant bit.
/// </summary>
public enum QuantisationMode
{
    /// <summary>Truncate toward minus infinity (AP_TRN, the ap_fixed default): drop the bits.</summary>
    Truncate,

    /// <summary>Truncate toward zero (AP_TRN_ZERO): a negative value with discarded bits moves up one step.</summary>
    TruncateToZero,

    /// <summary>Round to nearest, half toward plus infinity (AP_RND).</summary>
    Round,

    /// <summary>Round to nearest, half toward zero (AP_RND_ZERO).</summary>
    RoundToZero,

    /// <summary>Round to nearest, half away from zero (AP_RND_INF).</summary>
    RoundToInfinity,

    /// <summary>Round to nearest, half toward minus infinity (AP_RND_MIN_INF).</summary>
    RoundToMinusInfinity,

    /// <summary>Round to nearest, half to the even neighbour (AP_RND_CONV, convergent rounding).</summary>
    RoundConvergent,
}
