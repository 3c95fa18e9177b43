namespace Sieve.Core.Metrics.AnomalyDetection;

/// <summary>
/// The exact weighted ROC of a score: signal efficiency (TPR) against background efficiency (FPR) at
/// every distinct score, high score = anomalous.
/// </summary>
/// <remarks>
/// Point 0 is the origin (threshold +infinity, nothing selected); point i &gt; 0 selects every event with
/// score &gt;= <see cref="Thresholds"/>[i], one point per distinct score, descending. Events with equal
/// scores cannot be separated by any cut, so a tie group moves FPR and TPR together in one diagonal step;
/// with that, the trapezoid AUC equals the Mann-Whitney probability P(s &gt; b) + 0.5 P(s = b) for a
/// signal event s and a background event b drawn by weight. Zero-weight events are left out. Negative
/// weights enter the sums with their sign: the curve still runs from (0, 0) to (1, 1) and the AUC is still
/// the signed Mann-Whitney sum, but FPR and TPR may drop along the way (see <see cref="FprMonotonicity"/>).
/// </remarks>
public sealed class RocCurve
{
    private readonly double[] _thresholds;
    private readonly double[] _fpr;
    private readonly double[] _tpr;

    private RocCurve(double[] thresholds, double[] fpr, double[] tpr, int backgroundCount, int signalCount, double backgroundWeight, double signalWeight)
    {
        _thresholds = thresholds;
        _fpr = fpr;
        _tpr = tpr;
        BackgroundCount = backgroundCount;
        SignalCount = signalCount;
        BackgroundWeight = backgroundWeight;
        SignalWeight = signalWeight;
        Auc = MergedScores.Trapezoid(fpr, tpr);
        FprMonotonicity = EfficiencyMonotonicity.Of("FPR", thresholds, fpr);
        TprMonotonicity = EfficiencyMonotonicity.Of("TPR", thresholds, tpr);
    }

    /// <summary>Score cuts, descending; the first is +infinity (the origin).</summary>
    public ReadOnlySpan<double> Thresholds => _thresholds;

    /// <summary>Background efficiency at each threshold, from 0 to 1; non-decreasing unless weights are negative.</summary>
    public ReadOnlySpan<double> Fpr => _fpr;

    /// <summary>Signal efficiency at each threshold, from 0 to 1; non-decreasing unless weights are negative.</summary>
    public ReadOnlySpan<double> Tpr => _tpr;

    /// <summary>Whether the background efficiency only grows along the curve and stays in [0, 1].</summary>
    public EfficiencyMonotonicity FprMonotonicity { get; }

    /// <summary>Whether the signal efficiency only grows along the curve and stays in [0, 1].</summary>
    public EfficiencyMonotonicity TprMonotonicity { get; }

    /// <summary>Number of points (distinct scores + 1).</summary>
    public int Count => _thresholds.Length;

    /// <summary>The i-th point.</summary>
    public RocPoint this[int index] => new(_thresholds[index], _fpr[index], _tpr[index]);

    /// <summary>Area under the curve (trapezoid rule).</summary>
    public double Auc { get; }

    /// <summary>Background events with a non-zero weight (the unweighted N_bg).</summary>
    public int BackgroundCount { get; }

    /// <summary>Signal events with a non-zero weight.</summary>
    public int SignalCount { get; }

    /// <summary>Total background weight.</summary>
    public double BackgroundWeight { get; }

    /// <summary>Total signal weight.</summary>
    public double SignalWeight { get; }

    /// <summary>
    /// Smallest FPR that can be quoted: 1 / <see cref="BackgroundCount"/>. Below it the background sample
    /// has fewer than one event beyond the cut, and any efficiency there is noise.
    /// </summary>
    public double MinimumResolvableFpr => 1.0 / BackgroundCount;

    /// <summary>Computes the ROC of <paramref name="signal"/> against <paramref name="background"/>.</summary>
    /// <exception cref="ArgumentException">A sample has no event with a non-zero weight, or its weights do not sum to a positive number.</exception>
    public static RocCurve Compute(ScoredSample background, ScoredSample signal)
    {
        ArgumentNullException.ThrowIfNull(background);
        ArgumentNullException.ThrowIfNull(signal);
        RequireEvents(background, nameof(background));
        RequireEvents(signal, nameof(signal));
        MergedScores merged = MergedScores.Create(background, signal);
        (double[] thresholds, double[] fpr, double[] tpr) = merged.Sweep(merged.Weights);
        return new RocCurve(thresholds, fpr, tpr, background.EffectiveCount, signal.EffectiveCount, background.TotalWeight, signal.TotalWeight);
    }

    /// <summary>
    /// Computes the ROC from score and weight columns; empty weights mean all 1.
    /// </summary>
    /// <exception cref="ArgumentException">A score is NaN, a weight is not finite, a weight column has the
    /// wrong length, a sample has no event with a non-zero weight or a weight sum that is not positive.</exception>
    public static RocCurve Compute(
        ReadOnlySpan<double> backgroundScores,
        ReadOnlySpan<double> backgroundWeights,
        ReadOnlySpan<double> signalScores,
        ReadOnlySpan<double> signalWeights) =>
        Compute(
            ScoredSample.Create("background", backgroundScores, backgroundWeights),
            ScoredSample.Create("signal", signalScores, signalWeights));

    /// <summary>The points as records.</summary>
    public IEnumerable<RocPoint> Points()
    {
        for (int i = 0; i < _thresholds.Length; i++)
        {
            yield return this[i];
        }
    }

    internal static RocCurve FromSweep(double[] thresholds, double[] fpr, double[] tpr, int backgroundCount, int signalCount) =>
        new(thresholds, fpr, tpr, backgroundCount, signalCount, double.NaN, double.NaN);

    internal static void RequireEvents(ScoredSample sample, string parameter)
    {
        if (sample.EffectiveCount == 0)
        {
            throw new ArgumentException(
                $"Sample '{sample.Name}' has no event with a non-zero weight ({sample.Count} events); a ROC needs at least one background and one signal event.",
                parameter);
        }

        if (!(sample.TotalWeight > 0))
        {
            throw new ArgumentException(
                string.Create(System.Globalization.CultureInfo.InvariantCulture,
                    $"Sample '{sample.Name}': its weights sum to {sample.TotalWeight:G6} ({sample.NegativeCount} of {sample.Count} events negative), so its efficiencies are undefined; use --clip-negative-weights or --ignore-weights."),
                parameter);
        }
    }
}
