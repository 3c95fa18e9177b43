namespace Sieve.Core.Metrics.AnomalyDetection;

/// <summary>Computes an <see cref="AnomalyReport"/> from a scored background and scored signals.</summary>
public static class AnomalyEvaluator
{
    /// <summary>
    /// Evaluates every signal against the background: ROC, AUC, working points and, unless
    /// <see cref="AnomalyMetricsOptions.BootstrapReplicates"/> is 0, their bootstrap spread (each signal
    /// with the same seed, so adding a signal does not change the others' numbers); correlations with
    /// multiplicity where the samples carry it.
    /// </summary>
    /// <exception cref="ArgumentException">A sample has no event with a non-zero weight or a weight sum that is not positive, or two signals share a name.</exception>
    public static AnomalyReport Evaluate(ScoredSample background, IReadOnlyList<ScoredSample> signals, AnomalyMetricsOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(background);
        ArgumentNullException.ThrowIfNull(signals);
        options ??= new AnomalyMetricsOptions();
        options.Validate();
        RocCurve.RequireEvents(background, nameof(background));
        string? duplicate = signals.GroupBy(s => s.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1)?.Key;
        if (duplicate is not null)
        {
            throw new ArgumentException($"Two signals are named '{duplicate}'; give each signal its own name.", nameof(signals));
        }

        var reports = new List<SignalReport>(signals.Count);
        var warnings = new List<string>();
        foreach (ScoredSample signal in signals)
        {
            RocCurve roc = RocCurve.Compute(background, signal);

            // The background's FPR drops where its negative weights are, whichever signal it is swept with: said once.
            if (warnings.Count == 0 && !roc.FprMonotonicity.IsMonotone)
            {
                warnings.Add(roc.FprMonotonicity.Describe(background.Name));
            }

            if (!roc.TprMonotonicity.IsMonotone)
            {
                warnings.Add(roc.TprMonotonicity.Describe(signal.Name));
            }

            RocBootstrap? bootstrap = options.BootstrapReplicates > 0 ? RocBootstrap.Run(background, signal, options) : null;
            reports.Add(new SignalReport(
                signal.Name,
                signal.Count,
                signal.EffectiveCount,
                signal.TotalWeight,
                roc.Auc,
                bootstrap?.Auc,
                WorkingPoints.Compute(roc, options, bootstrap),
                SummaryStatistics.FromValues(signal.Scores),
                signal.HasMultiplicities ? ScoreCorrelation.Compute(signal) : null));
        }

        var backgroundReport = new BackgroundReport(
            background.Name,
            background.Count,
            background.EffectiveCount,
            background.TotalWeight,
            SummaryStatistics.FromValues(background.Scores),
            background.HasMultiplicities ? ScoreCorrelation.Compute(background) : null);

        return new AnomalyReport
        {
            Method = options.Method,
            CollisionRateHz = options.CollisionRateHz,
            BootstrapReplicates = options.BootstrapReplicates,
            BootstrapSeed = options.BootstrapSeed,
            Background = backgroundReport,
            Signals = reports,
            Warnings = warnings,
        };
    }
}
