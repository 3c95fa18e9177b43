namespace Sieve.Core.Tests.Reports.AnomalyDetection;

/// <summary>Seeded scores and a plain ROC computation for the plot tests (the real ROC code lives elsewhere).</summary>
internal static class AnomalyTestData
{
    /// <summary>Log-normal scores: background at <paramref name="median"/>, signals shifted up.</summary>
    public static double[] LogNormalScores(int n, double median, double sigma, int seed)
    {
        var rng = new Random(seed);
        var scores = new double[n];
        for (int i = 0; i < n; i++)
        {
            scores[i] = median * Math.Exp(sigma * Gauss(rng));
        }

        return scores;
    }

    public static double Gauss(Random rng) =>
        Math.Sqrt(-2 * Math.Log(1.0 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());

    /// <summary>FPR and TPR at every distinct threshold (score >= t), from high to low thresholds; AUC by trapezoids.</summary>
    public static (double[] Fpr, double[] Tpr, double Auc) Roc(double[] background, double[] signal)
    {
        var all = background.Select(s => (Score: s, Signal: false)).Concat(signal.Select(s => (Score: s, Signal: true)))
            .OrderByDescending(p => p.Score).ToArray();
        var fpr = new List<double> { 0 };
        var tpr = new List<double> { 0 };
        int fp = 0, tp = 0;
        for (int i = 0; i < all.Length; i++)
        {
            if (all[i].Signal)
            {
                tp++;
            }
            else
            {
                fp++;
            }

            if (i == all.Length - 1 || all[i + 1].Score != all[i].Score)
            {
                fpr.Add((double)fp / background.Length);
                tpr.Add((double)tp / signal.Length);
            }
        }

        double auc = 0;
        for (int i = 1; i < fpr.Count; i++)
        {
            auc += (fpr[i] - fpr[i - 1]) * (tpr[i] + tpr[i - 1]) / 2;
        }

        return (fpr.ToArray(), tpr.ToArray(), auc);
    }
}
