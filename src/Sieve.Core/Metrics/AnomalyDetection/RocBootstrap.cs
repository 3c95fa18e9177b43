namespace Sieve.Core.Metrics.AnomalyDetection;

/// <summary>
/// Bootstrap uncertainties of the AUC and of TPR at fixed FPR. Background and signal are resampled
/// separately (each N events drawn uniformly with replacement, keeping their weights), so each class
/// keeps its size; the ROC of each replicate is swept over the once-sorted events, O(N) per replicate.
/// </summary>
public sealed class RocBootstrap
{
    private readonly IReadOnlyList<double> _targets;
    private readonly BootstrapSummary[] _tpr;

    private RocBootstrap(BootstrapSummary auc, IReadOnlyList<double> targets, BootstrapSummary[] tpr, int replicates, int seed)
    {
        Auc = auc;
        _targets = targets;
        _tpr = tpr;
        Replicates = replicates;
        Seed = seed;
    }

    /// <summary>Spread of the AUC.</summary>
    public BootstrapSummary Auc { get; }

    /// <summary>Replicates drawn.</summary>
    public int Replicates { get; }

    /// <summary>Seed used.</summary>
    public int Seed { get; }

    /// <summary>
    /// Spread of TPR at a target FPR of the options the bootstrap ran with, or null for another target.
    /// Targets below 1 / N_bg give a summary of no replicates.
    /// </summary>
    public BootstrapSummary? TprAt(double targetFpr)
    {
        for (int i = 0; i < _targets.Count; i++)
        {
            if (_targets[i] == targetFpr)
            {
                return _tpr[i];
            }
        }

        return null;
    }

    /// <summary>
    /// Runs <see cref="AnomalyMetricsOptions.BootstrapReplicates"/> replicates seeded by
    /// <see cref="AnomalyMetricsOptions.BootstrapSeed"/>, reading TPR with the options' method.
    /// </summary>
    /// <exception cref="ArgumentException">A sample has no event with a non-zero weight or a weight sum that is not positive.</exception>
    public static RocBootstrap Run(ScoredSample background, ScoredSample signal, AnomalyMetricsOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(background);
        ArgumentNullException.ThrowIfNull(signal);
        options ??= new AnomalyMetricsOptions();
        options.Validate();
        RocCurve.RequireEvents(background, nameof(background));
        RocCurve.RequireEvents(signal, nameof(signal));

        MergedScores merged = MergedScores.Create(background, signal);
        int replicates = options.BootstrapReplicates;
        IReadOnlyList<double> targets = options.TargetFprs.ToArray();
        double[] aucs = new double[replicates];
        double[][] tprs = targets.Select(_ => new double[replicates]).ToArray();
        double[] weights = new double[merged.Weights.Length];

        // System.Random with a seed is the stable legacy generator: same seed, same draws on every platform.
        var random = new Random(options.BootstrapSeed);
        for (int b = 0; b < replicates; b++)
        {
            Array.Clear(weights);
            Draw(merged.BackgroundPositions);
            Draw(merged.SignalPositions);
            (_, double[] fpr, double[] tpr) = merged.Sweep(weights);
            aucs[b] = MergedScores.Trapezoid(fpr, tpr);
            for (int t = 0; t < targets.Count; t++)
            {
                tprs[t][b] = WorkingPoints.IsResolvable(targets[t], background.EffectiveCount)
                    ? WorkingPoints.Locate(fpr, tpr, targets[t], options.Method).Tpr
                    : double.NaN;
            }
        }

        return new RocBootstrap(
            BootstrapSummary.FromValues(aucs),
            targets,
            tprs.Select(v => BootstrapSummary.FromValues(v)).ToArray(),
            replicates,
            options.BootstrapSeed);

        void Draw(int[] positions)
        {
            for (int i = 0; i < positions.Length; i++)
            {
                int p = positions[random.Next(positions.Length)];
                weights[p] += merged.Weights[p];
            }
        }
    }
}
