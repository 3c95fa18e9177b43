namespace Sieve.Core.Metrics.AnomalyDetection;

/// <summary>
/// Signal efficiency, significance improvement and trigger rate at fixed background efficiencies.
/// </summary>
public static class WorkingPoints
{
    // Efficiencies are sums of weights divided by a total, so "exactly 1 in 1000" can come out a few
    // ulps above 1e-3; comparisons with a target allow this much relative slack.
    private const double RelativeSlack = 1e-12;

    /// <summary>
    /// The working points at <see cref="AnomalyMetricsOptions.TargetFprs"/>, with the TPR bootstrap spread
    /// when <paramref name="bootstrap"/> is given (computed with the same options).
    /// </summary>
    public static IReadOnlyList<WorkingPoint> Compute(RocCurve roc, AnomalyMetricsOptions? options = null, RocBootstrap? bootstrap = null)
    {
        ArgumentNullException.ThrowIfNull(roc);
        options ??= new AnomalyMetricsOptions();
        options.Validate();
        var points = new WorkingPoint[options.TargetFprs.Count];
        for (int i = 0; i < points.Length; i++)
        {
            WorkingPoint p = At(roc, options.TargetFprs[i], options.Method, options.CollisionRateHz);
            BootstrapSummary? spread = p.Status == WorkingPointStatus.Ok ? bootstrap?.TprAt(options.TargetFprs[i]) : null;
            points[i] = p with { TprBootstrap = spread };
        }

        return points;
    }

    /// <summary>The working point at one target FPR.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The target is outside (0, 1] or the rate is not positive.</exception>
    public static WorkingPoint At(RocCurve roc, double targetFpr, WorkingPointMethod method = WorkingPointMethod.ConservativeStep, double collisionRateHz = AnomalyMetricsOptions.LhcCollisionRateHz)
    {
        ArgumentNullException.ThrowIfNull(roc);
        new AnomalyMetricsOptions { TargetFprs = [targetFpr], Method = method, CollisionRateHz = collisionRateHz }.Validate();
        if (!IsResolvable(targetFpr, roc.BackgroundCount))
        {
            return new WorkingPoint(targetFpr, WorkingPointStatus.NotEnoughBackground, method, null, null, null, null, null);
        }

        (int k, double fpr, double tpr) = Locate(roc.Fpr, roc.Tpr, targetFpr, method);
        double? sic = fpr > 0 ? tpr / Math.Sqrt(fpr) : null;
        return new WorkingPoint(targetFpr, WorkingPointStatus.Ok, method, roc.Thresholds[k], fpr, tpr, sic, fpr * collisionRateHz);
    }

    /// <summary>Whether a target FPR is at least 1 / N_bg.</summary>
    internal static bool IsResolvable(double targetFpr, int backgroundCount) =>
        backgroundCount > 0 && targetFpr * (1 + RelativeSlack) >= 1.0 / backgroundCount;

    /// <summary>
    /// Index of the conservative point (the loosest cut before FPR first exceeds the target; with
    /// positive weights the largest FPR not above it, the top of a vertical segment) and the FPR and TPR
    /// read there by <paramref name="method"/>. With negative weights FPR can dip below the target again
    /// at looser cuts; those are not taken, because a threshold scan stops at the first crossing.
    /// </summary>
    internal static (int Index, double Fpr, double Tpr) Locate(ReadOnlySpan<double> fpr, ReadOnlySpan<double> tpr, double target, WorkingPointMethod method)
    {
        double limit = target * (1 + RelativeSlack);

        // The scan stops at the crossing, which for the targets of interest (1e-2 and below) lies near
        // the origin, so it costs little more than a binary search would and needs no monotone FPR.
        // fpr[0] = 0 always qualifies.
        int k = 0;
        while (k + 1 < fpr.Length && fpr[k + 1] <= limit)
        {
            k++;
        }

        if (double.IsNaN(fpr[k]))
        {
            return (k, double.NaN, double.NaN);
        }

        if (method == WorkingPointMethod.ConservativeStep || k == fpr.Length - 1 || fpr[k] >= target)
        {
            return (k, method == WorkingPointMethod.Interpolate ? target : fpr[k], tpr[k]);
        }

        double t = (target - fpr[k]) / (fpr[k + 1] - fpr[k]);
        return (k, target, tpr[k] + (t * (tpr[k + 1] - tpr[k])));
    }
}
