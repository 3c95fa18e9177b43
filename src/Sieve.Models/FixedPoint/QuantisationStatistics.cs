namespace Sieve.Models.FixedPoint;

/// <summary>What quantising a set of float parameters into a fixed-point type did to them.</summary>
/// <param name="Count">Parameters quantised.</param>
/// <param name="Overflowed">Parameters outside the type's range, so wrapped or saturated by its overflow mode.</param>
/// <param name="Zeroed">Non-zero parameters that became 0 (below the type's resolution, or sent to 0 by AP_SAT_ZERO).</param>
/// <param name="MaxAbsError">Largest |quantised - float| over the parameters.</param>
public sealed record QuantisationStatistics(int Count, int Overflowed, int Zeroed, double MaxAbsError)
{
    /// <summary>Share of the parameters that overflowed.</summary>
    public double OverflowedFraction => Count == 0 ? 0 : (double)Overflowed / Count;

    /// <summary>Share of the parameters that became 0.</summary>
    public double ZeroedFraction => Count == 0 ? 0 : (double)Zeroed / Count;

    /// <summary>Quantises <paramref name="values"/> into <paramref name="format"/>, writing the raw values to <paramref name="raw"/>.</summary>
    public static QuantisationStatistics Quantise(ReadOnlySpan<float> values, ApFixedFormat format, Span<long> raw)
    {
        ArgumentNullException.ThrowIfNull(format);
        int overflowed = 0, zeroed = 0;
        double maxError = 0;
        for (int i = 0; i < values.Length; i++)
        {
            raw[i] = format.Quantise(values[i], out bool over);
            overflowed += over ? 1 : 0;
            zeroed += raw[i] == 0 && values[i] != 0 ? 1 : 0;
            maxError = Math.Max(maxError, Math.Abs(format.ToDouble(raw[i]) - values[i]));
        }

        return new QuantisationStatistics(values.Length, overflowed, zeroed, maxError);
    }
}
