namespace Sieve.Models.FixedPoint;

/// <summary>Values of one fixed-point type: the raw integers and the type that gives them their value.</summary>
/// <param name="Raw">Raw integers.</param>
/// <param name="Format">Their type.</param>
public sealed record FixedPointVector(long[] Raw, ApFixedFormat Format)
{
    /// <summary>The values, raw x 2^-F (exact in double).</summary>
    public double[] Values => [.. Raw.Select(Format.ToDouble)];
}
