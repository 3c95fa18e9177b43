using System.Globalization;

namespace Sieve.Reports.AnomalyDetection;

/// <summary>
/// Background rate a trigger would keep at a given background efficiency: the LHC delivers bunch
/// crossings at 40 MHz, so a threshold at FPR f keeps f x 40 MHz (FPR 1e-5 = 400 Hz).
/// </summary>
public static class TriggerRate
{
    /// <summary>LHC bunch-crossing rate in Hz.</summary>
    public const double CollisionRateHz = 40e6;

    /// <summary>The background efficiencies the plots and reports mark: 1e-2, 1e-3, 1e-4, 1e-5.</summary>
    public static IReadOnlyList<double> StandardFprs { get; } = [1e-2, 1e-3, 1e-4, 1e-5];

    /// <summary>Background rate in Hz kept at background efficiency <paramref name="fpr"/>.</summary>
    public static double RateHz(double fpr) => fpr * CollisionRateHz;

    /// <summary>Rate kept at <paramref name="fpr"/> with a unit: "400 kHz", "4 kHz", "400 Hz", "1.2 MHz".</summary>
    public static string Format(double fpr)
    {
        double hz = RateHz(fpr);
        (double value, string unit) = Math.Abs(hz) switch
        {
            >= 1e6 => (hz / 1e6, "MHz"),
            >= 1e3 => (hz / 1e3, "kHz"),
            _ => (hz, "Hz"),
        };
        return value.ToString("0.###", CultureInfo.InvariantCulture) + " " + unit;
    }
}
