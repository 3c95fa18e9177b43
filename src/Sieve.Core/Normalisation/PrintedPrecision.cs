using System.Globalization;
using Sieve.Core.Metrics;

namespace Sieve.Core.Normalisation;

/// <summary>
/// How many digits a decompressed value needs. A quantised value is known to a fraction of its
/// step, so printing it with 17 digits writes noise and makes a text file larger than the
/// original. Decoded values are rounded to the decimals (in the file's unit) that keep them within
/// <see cref="StepFraction"/> of a step of their quantiser; writers that print the shortest
/// round-trip text then print just those digits. The compressor measures its error on the values
/// rounded this way, so the targets hold for the file as written.
/// </summary>
public static class PrintedPrecision
{
    /// <summary>The rounding allowed, as a fraction of the local quantisation step (adds 0.08 % to a uniform quantiser's RMS).</summary>
    public const double StepFraction = 0.02;

    // DarkMachines-format output (every event input is written back as DarkMachines CSV) holds energies in MeV; tables hold GeV.
    private const double MevPerGev = 1000;

    /// <summary>
    /// File units per table unit for a feature: events are laid out in GeV but written in MeV for
    /// energy-like variables; tables are written in their own unit.
    /// </summary>
    public static double PrintScale(bool eventOutput, VariableKind kind) => eventOutput && kind == VariableKind.EnergyLike ? MevPerGev : 1;

    /// <summary>The rounding allowed at <paramref name="x"/> (table units) for a quantiser <paramref name="transform"/> (its scale is the step).</summary>
    public static double Resolution(FeatureTransform transform, double x)
    {
        ArgumentNullException.ThrowIfNull(transform);
        double y = transform.Apply(x);
        double d = transform.Invert(y + 1) - transform.Invert(y);
        if (transform.Periodic)
        {
            d = Events.Kinematics.WrapPhi(d);
        }

        return Math.Abs(d) * StepFraction;
    }

    /// <summary>
    /// <paramref name="x"/> rounded to the fewest decimals, in file units (<paramref name="printScale"/>
    /// per table unit), that keep it within <paramref name="resolution"/>; unchanged where the
    /// resolution is not a positive number or would need more than 15 decimals.
    /// </summary>
    public static double Round(double x, double resolution, double printScale = 1)
    {
        double r = resolution * printScale;
        if (!double.IsFinite(x) || !(r > 0) || !double.IsFinite(r))
        {
            return x;
        }

        // Rounding to d decimals moves a value by at most 0.5 * 10^-d.
        int decimals = Math.Max(0, (int)Math.Ceiling(-Math.Log10(2 * r)));
        if (decimals > 15)
        {
            return x;
        }

        double rounded = Math.Round(x * printScale, decimals, MidpointRounding.AwayFromZero);
        return printScale == 1 ? rounded : rounded / printScale;
    }

    /// <summary>Rounds every value of a row-major (N, F) array decoded with <paramref name="transforms"/> (one per feature) in place.</summary>
    public static void RoundAll(double[] values, IReadOnlyList<FeatureTransform> transforms, IReadOnlyList<double> printScales)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(transforms);
        ArgumentNullException.ThrowIfNull(printScales);
        int f = transforms.Count;
        for (int i = 0; i < values.Length; i++)
        {
            FeatureTransform t = transforms[i % f];
            values[i] = Round(values[i], Resolution(t, values[i]), printScales[i % f]);
        }
    }

    /// <summary>
    /// A float32 output (the decoder's) as the double of its shortest text, so writers print at
    /// most 9 significant digits and usually fewer.
    /// </summary>
    public static double Float32Shortest(double x) =>
        double.IsFinite(x) && Math.Abs(x) <= float.MaxValue ? double.Parse(((float)x).ToString("R", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) : x;
}
