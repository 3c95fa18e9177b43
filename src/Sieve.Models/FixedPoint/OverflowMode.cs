namespace Sieve.Models.FixedPoint;

/// <summary>What happens to a value outside a format's range: the overflow modes of Vivado HLS <c>ap_fixed</c>.</summary>
public enum OverflowMode
{
    /// <summary>Keep the low W bits, two's complement (AP_WRAP, the ap_fixed default): modular arithmetic.</summary>
    Wrap,

    /// <summary>Clamp to the largest or smallest value of the format (AP_SAT).</summary>
    Saturate,

    /// <summary>
    /// Clamp to plus or minus the largest value (AP_SAT_SYM): a negative overflow gives -max, not the
    /// format's minimum -max - 1. As in Vivado, the minimum itself, reached without overflow, stays.
    /// </summary>
    SaturateSymmetric,

    /// <summary>Any value outside the range becomes zero (AP_SAT_ZERO).</summary>
    SaturateToZero,
}
