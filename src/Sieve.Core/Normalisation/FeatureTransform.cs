namespace Sieve.Core.Normalisation;

/// <summary>
/// Normalisation of one feature: y = (g(x * UnitScale) - Offset) / Scale, with its exact inverse.
/// When <see cref="Periodic"/> is set the inverse wraps the value into (-pi, pi] (azimuths).
/// </summary>
/// <param name="Feature">Feature name.</param>
/// <param name="Function">The non-linear step g.</param>
/// <param name="UnitScale">Factor applied first (e.g. 0.001 to turn MeV into GeV).</param>
/// <param name="Offset">Subtracted after g.</param>
/// <param name="Scale">Divisor after the offset; never zero.</param>
/// <param name="Periodic">Whether the feature is an angle to wrap on the way back.</param>
public sealed record FeatureTransform(string Feature, TransformFunction Function, double UnitScale, double Offset, double Scale, bool Periodic)
{
    /// <summary>Forward transform of one value; NaN when the value is outside g's domain.</summary>
    public double Apply(double x)
    {
        double v = x * UnitScale;
        double g = Function switch
        {
            TransformFunction.Identity => v,
            TransformFunction.Log10 => v > 0 ? Math.Log10(v) : double.NaN,
            TransformFunction.SignedLog10p1 => Math.CopySign(Math.Log10(1 + Math.Abs(v)), v),
            _ => throw new InvalidOperationException($"unknown transform {Function}"),
        };
        return (g - Offset) / Scale;
    }

    /// <summary>Inverse transform of one value.</summary>
    public double Invert(double y)
    {
        double g = (y * Scale) + Offset;
        double v = Function switch
        {
            TransformFunction.Identity => g,
            TransformFunction.Log10 => Math.Pow(10, g),
            TransformFunction.SignedLog10p1 => Math.CopySign(Math.Pow(10, Math.Abs(g)) - 1, g),
            _ => throw new InvalidOperationException($"unknown transform {Function}"),
        };
        double x = v / UnitScale;
        return Periodic ? Events.Kinematics.WrapPhi(x) : x;
    }

    /// <summary>What values the forward transform accepts, for error messages.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string Domain => Function == TransformFunction.Log10 ? "a positive number" : "a finite number";
}
