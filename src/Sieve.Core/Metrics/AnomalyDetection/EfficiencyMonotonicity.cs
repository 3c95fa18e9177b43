using System.Globalization;

namespace Sieve.Core.Metrics.AnomalyDetection;

/// <summary>
/// Whether an efficiency of a ROC (FPR or TPR) only grows as the cut loosens and stays in [0, 1]. With
/// positive weights it always does; negative weights (NLO samples) can make it dip, or overshoot 1
/// before the end, and then "the efficiency at a cut" is still defined but no longer the fraction of
/// events an experiment would count.
/// </summary>
/// <param name="Efficiency">"FPR" (background) or "TPR" (signal).</param>
/// <param name="Decreases">Number of ROC points where it is lower than at the point before.</param>
/// <param name="LargestDecrease">The largest such drop (0 when none).</param>
/// <param name="AtThreshold">Score cut where the largest drop happens (NaN when none).</param>
/// <param name="Minimum">Smallest value on the curve.</param>
/// <param name="Maximum">Largest value on the curve.</param>
public sealed record EfficiencyMonotonicity(string Efficiency, int Decreases, double LargestDecrease, double AtThreshold, double Minimum, double Maximum)
{
    /// <summary>Whether it never drops and stays inside [0, 1].</summary>
    public bool IsMonotone => Decreases == 0 && Minimum >= 0 && Maximum <= 1;

    /// <summary>Measures <paramref name="values"/> along the cuts <paramref name="thresholds"/> (both in ROC order).</summary>
    public static EfficiencyMonotonicity Of(string efficiency, ReadOnlySpan<double> thresholds, ReadOnlySpan<double> values)
    {
        int decreases = 0;
        double largest = 0, at = double.NaN, min = double.PositiveInfinity, max = double.NegativeInfinity;
        for (int i = 0; i < values.Length; i++)
        {
            min = Math.Min(min, values[i]);
            max = Math.Max(max, values[i]);
            double drop = i > 0 ? values[i - 1] - values[i] : 0;
            if (drop > 0)
            {
                decreases++;
                if (drop > largest)
                {
                    largest = drop;
                    at = thresholds[i];
                }
            }
        }

        return new EfficiencyMonotonicity(efficiency, decreases, largest, at, min, max);
    }

    /// <summary>One line for a report, naming the sample; empty when monotone.</summary>
    public string Describe(string sample)
    {
        if (IsMonotone)
        {
            return string.Empty;
        }

        string drops = Decreases == 0
            ? "it never drops"
            : string.Create(CultureInfo.InvariantCulture, $"it drops at {Decreases} {(Decreases == 1 ? "cut" : "cuts")}, by up to {LargestDecrease:G3} at score {AtThreshold:G6}");
        string consequence = Efficiency == "FPR"
            ? "working points take the tightest cut before it first exceeds the target"
            : "a TPR read at a cut is the signed sum there";
        return string.Create(CultureInfo.InvariantCulture,
            $"{sample}: the {Efficiency} is not monotone in the score cut (negative weights): {drops}, and ranges over [{Minimum:G3}, {Maximum:G3}]; {consequence}.");
    }
}
