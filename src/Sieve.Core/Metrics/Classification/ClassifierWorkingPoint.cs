using System.Globalization;
using Sieve.Core.Metrics.AnomalyDetection;

namespace Sieve.Core.Metrics.Classification;

/// <summary>How a classifier's working point (the cut on its score) is chosen.</summary>
public enum WorkingPointKind
{
    /// <summary>The cut maximising Youden's J = TPR - FPR (the highest such cut on ties).</summary>
    Youden,

    /// <summary>A given threshold on the score (a probability for a classifier).</summary>
    Threshold,

    /// <summary>The highest cut whose signal efficiency reaches the target.</summary>
    SignalEfficiency,

    /// <summary>The lowest cut whose background efficiency stays at or below the target.</summary>
    FalsePositiveRate,
}

/// <summary>
/// A working point as asked for (`--working-point youden`, `0.5`, `threshold=0.5`, `tpr=0.8`, `fpr=0.01`)
/// and how it becomes a threshold on a ROC. A cut keeps events with score &gt;= threshold.
/// </summary>
/// <param name="Kind">What is fixed.</param>
/// <param name="Value">The threshold or target; unused for <see cref="WorkingPointKind.Youden"/>.</param>
public sealed record ClassifierWorkingPoint(WorkingPointKind Kind, double Value = double.NaN)
{
    /// <summary>The default: Youden's J, which needs no choice of target and treats both error kinds alike.</summary>
    public static ClassifierWorkingPoint Default { get; } = new(WorkingPointKind.Youden);

    /// <summary>Parses the option text; a malformed one is an <see cref="ArgumentException"/> saying what is accepted.</summary>
    public static ClassifierWorkingPoint Parse(string? text)
    {
        string t = (text ?? string.Empty).Trim().ToLowerInvariant();
        if (t.Length == 0 || t == "youden")
        {
            return Default;
        }

        string[] parts = t.Split('=', 2, StringSplitOptions.TrimEntries);
        (WorkingPointKind kind, string number) = parts.Length == 1
            ? (WorkingPointKind.Threshold, parts[0])
            : parts[0] switch
            {
                "threshold" or "t" => (WorkingPointKind.Threshold, parts[1]),
                "tpr" or "efficiency" => (WorkingPointKind.SignalEfficiency, parts[1]),
                "fpr" => (WorkingPointKind.FalsePositiveRate, parts[1]),
                _ => throw new ArgumentException(Usage(text)),
            };
        if (!double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) || !double.IsFinite(value))
        {
            throw new ArgumentException(Usage(text));
        }

        if (kind != WorkingPointKind.Threshold && value is <= 0 or > 1)
        {
            throw new ArgumentException($"--working-point {text}: an efficiency target must lie in (0, 1].");
        }

        return new ClassifierWorkingPoint(kind, value);
    }

    /// <summary>The threshold this working point picks on <paramref name="roc"/>.</summary>
    public double Resolve(RocCurve roc)
    {
        ArgumentNullException.ThrowIfNull(roc);
        ReadOnlySpan<double> thresholds = roc.Thresholds, fpr = roc.Fpr, tpr = roc.Tpr;
        switch (Kind)
        {
            case WorkingPointKind.Threshold:
                return Value;
            case WorkingPointKind.Youden:
            {
                // Point 0 is "nothing selected" (threshold +inf); every other point is a real cut.
                int best = 1;
                for (int i = 2; i < thresholds.Length; i++)
                {
                    if (tpr[i] - fpr[i] > tpr[best] - fpr[best] + 1e-12)
                    {
                        best = i;
                    }
                }

                return thresholds[best];
            }

            case WorkingPointKind.SignalEfficiency:
                for (int i = 1; i < thresholds.Length; i++)
                {
                    if (tpr[i] >= Value - 1e-12)
                    {
                        return thresholds[i];
                    }
                }

                return thresholds[^1];
            default:
                for (int i = thresholds.Length - 1; i >= 1; i--)
                {
                    if (fpr[i] <= Value + 1e-12)
                    {
                        return thresholds[i];
                    }
                }

                return thresholds[1];
        }
    }

    /// <summary>How the working point reads in a report.</summary>
    public override string ToString() => Kind switch
    {
        WorkingPointKind.Youden => "youden",
        WorkingPointKind.Threshold => "threshold=" + Value.ToString("R", CultureInfo.InvariantCulture),
        WorkingPointKind.SignalEfficiency => "tpr=" + Value.ToString("R", CultureInfo.InvariantCulture),
        _ => "fpr=" + Value.ToString("R", CultureInfo.InvariantCulture),
    };

    private static string Usage(string? text) =>
        $"--working-point '{text}' is not youden, a threshold (0.5 or threshold=0.5), tpr=TARGET or fpr=TARGET.";
}
