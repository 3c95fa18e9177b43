namespace Sieve.Core.Metrics.AnomalyDetection;

/// <summary>
/// Background and signal events with a non-zero weight (negative ones included), merged and sorted by descending score once, so
/// that the nominal ROC and every bootstrap replicate are one linear sweep (no sort per replicate).
/// </summary>
internal sealed class MergedScores
{
    private MergedScores(double[] scores, double[] weights, bool[] isSignal, int[] backgroundPositions, int[] signalPositions)
    {
        Scores = scores;
        Weights = weights;
        IsSignal = isSignal;
        BackgroundPositions = backgroundPositions;
        SignalPositions = signalPositions;
    }

    /// <summary>Scores, descending.</summary>
    public double[] Scores { get; }

    /// <summary>Weights in the same order.</summary>
    public double[] Weights { get; }

    /// <summary>True for signal events.</summary>
    public bool[] IsSignal { get; }

    /// <summary>Positions (in the merged order) of the background events.</summary>
    public int[] BackgroundPositions { get; }

    /// <summary>Positions (in the merged order) of the signal events.</summary>
    public int[] SignalPositions { get; }

    public static MergedScores Create(ScoredSample background, ScoredSample signal)
    {
        int n = background.EffectiveCount + signal.EffectiveCount;
        double[] scores = new double[n];
        int[] order = new int[n];
        var source = new (double Weight, bool Signal)[n];
        int k = 0;
        Add(background, isSignal: false);
        Add(signal, isSignal: true);

        // Descending by score; the tie order does not matter because tie groups are swept whole.
        for (int i = 0; i < n; i++)
        {
            order[i] = i;
        }

        double[] keys = new double[n];
        for (int i = 0; i < n; i++)
        {
            keys[i] = -scores[i];
        }

        Array.Sort(keys, order);
        double[] sortedScores = new double[n];
        double[] weights = new double[n];
        bool[] isSignal = new bool[n];
        var bg = new List<int>(background.EffectiveCount);
        var sig = new List<int>(signal.EffectiveCount);
        for (int i = 0; i < n; i++)
        {
            int j = order[i];
            sortedScores[i] = scores[j];
            weights[i] = source[j].Weight;
            isSignal[i] = source[j].Signal;
            (isSignal[i] ? sig : bg).Add(i);
        }

        return new MergedScores(sortedScores, weights, isSignal, bg.ToArray(), sig.ToArray());

        void Add(ScoredSample sample, bool isSignal)
        {
            ReadOnlySpan<double> s = sample.Scores;
            ReadOnlySpan<double> w = sample.Weights;
            for (int i = 0; i < s.Length; i++)
            {
                if (w[i] != 0)
                {
                    scores[k] = s[i];
                    source[k] = (w[i], isSignal);
                    k++;
                }
            }
        }
    }

    /// <summary>
    /// The ROC for the given weights (in merged order; zero weights allowed): one point per distinct
    /// score after the origin, so a tie group moves FPR and TPR together (a diagonal step).
    /// </summary>
    public (double[] Thresholds, double[] Fpr, double[] Tpr) Sweep(ReadOnlySpan<double> weights)
    {
        int n = Scores.Length;
        var thresholds = new List<double>(n + 1) { double.PositiveInfinity };
        var fp = new List<double>(n + 1) { 0.0 };
        var tp = new List<double>(n + 1) { 0.0 };
        double sumFp = 0;
        double sumTp = 0;
        for (int i = 0; i < n; i++)
        {
            if (IsSignal[i])
            {
                sumTp += weights[i];
            }
            else
            {
                sumFp += weights[i];
            }

            if (i == n - 1 || Scores[i + 1] != Scores[i])
            {
                thresholds.Add(Scores[i]);
                fp.Add(sumFp);
                tp.Add(sumTp);
            }
        }

        // Normalising by the final cumulative sums makes the last point exactly (1, 1). A bootstrap
        // replicate of a sample with negative weights can sum to 0 or less: its efficiencies are undefined.
        if (!(sumFp > 0 && sumTp > 0))
        {
            return (thresholds.ToArray(), [.. fp.Select(_ => double.NaN)], [.. tp.Select(_ => double.NaN)]);
        }

        double[] fpr = new double[fp.Count];
        double[] tpr = new double[tp.Count];
        for (int i = 0; i < fpr.Length; i++)
        {
            fpr[i] = fp[i] / sumFp;
            tpr[i] = tp[i] / sumTp;
        }

        return (thresholds.ToArray(), fpr, tpr);
    }

    /// <summary>Area under the curve by the trapezoid rule.</summary>
    public static double Trapezoid(ReadOnlySpan<double> fpr, ReadOnlySpan<double> tpr)
    {
        double area = 0;
        for (int i = 1; i < fpr.Length; i++)
        {
            area += (fpr[i] - fpr[i - 1]) * (tpr[i] + tpr[i - 1]) * 0.5;
        }

        return area;
    }
}
