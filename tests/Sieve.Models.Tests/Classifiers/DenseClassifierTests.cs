using Sieve.Core.Metrics.AnomalyDetection;
using Sieve.Models.Classifiers;
using Sieve.Models.Training;

namespace Sieve.Models.Tests.Classifiers;

[Collection(Sieve.Models.Tests.Training.SerialTraining.Name)]
public sealed class DenseClassifierTests
{
    [Fact]
    public void Two_shifted_Gaussians_are_separated_as_well_as_the_Bayes_optimal_rule_allows()
    {
        // Unit-variance Gaussians in F = 3 dimensions, the signal's mean shifted by d along (1, 1, 0)/sqrt(2):
        // the likelihood ratio is monotone in the projection on that direction, so the best AUC any
        // classifier can reach is Phi(d / sqrt(2)) (the projection's difference of two N(0,1) draws).
        const double d = 1.5;
        double bayes = Phi(d / Math.Sqrt(2));
        var random = new Random(11);
        (float[] trainX, float[] trainY) = Sample(random, 3000, d);
        (float[] valX, float[] valY) = Sample(random, 1000, d);
        (float[] testX, float[] testY) = Sample(random, 4000, d);

        Trainer.Seed(5);
        using var model = new DenseClassifier(3, DenseClassifier.DefaultHiddenWidths);
        var options = new ClassifierTrainingOptions { Epochs = 40, Patience = 8, Seed = 5, LearningRate = 3e-3 };
        ClassifierTrainingResult result = ClassifierTrainer.Train(model, trainX, trainY, ClassifierTrainer.BalancedWeights(trainY, default),
            valX, valY, ClassifierTrainer.BalancedWeights(valY, default), options);

        Assert.Null(result.Divergence);
        Assert.InRange(result.BestEpoch, 1, 40);
        double[] p = model.Probabilities(testX);
        double[] bg = [.. p.Where((_, i) => testY[i] == 0)];
        double[] sig = [.. p.Where((_, i) => testY[i] == 1)];
        double auc = RocCurve.Compute(bg, [.. bg.Select(_ => 1.0)], sig, [.. sig.Select(_ => 1.0)]).Auc;

        // 8,000 test events give the AUC a standard error of about 0.004: within 0.015 of the bound
        // below, and not above it by more than that noise.
        Assert.InRange(auc, bayes - 0.015, bayes + 0.012);
    }

    [Fact]
    public void Balanced_weights_give_each_class_half_and_drop_negative_weights()
    {
        float[] labels = [0, 0, 0, 1, 1, 0];
        double[] weights = [1, 2, -1, 5, 5, 1];
        float[] w = ClassifierTrainer.BalancedWeights(labels, weights);
        double background = w.Where((_, i) => labels[i] == 0).Sum();
        double signal = w.Where((_, i) => labels[i] == 1).Sum();
        Assert.Equal(3.0, background, 5);
        Assert.Equal(3.0, signal, 5);
        Assert.Equal(0f, w[2]);
    }

    private static (float[] X, float[] Y) Sample(Random random, int perClass, double d)
    {
        var x = new List<float>();
        var y = new List<float>();
        double shift = d / Math.Sqrt(2);
        for (int i = 0; i < 2 * perClass; i++)
        {
            int label = i % 2;
            x.Add((float)(Normal(random) + (label * shift)));
            x.Add((float)(Normal(random) + (label * shift)));
            x.Add((float)Normal(random));
            y.Add(label);
        }

        return ([.. x], [.. y]);
    }

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    // Standard normal CDF through erfc (Numerical Recipes' Chebyshev fit, relative error below 1.2e-7).
    private static double Phi(double x) => 0.5 * Erfc(-x / Math.Sqrt(2));

    private static double Erfc(double x)
    {
        double z = Math.Abs(x);
        double t = 1 / (1 + (0.5 * z));
        double[] c = [-1.26551223, 1.00002368, 0.37409196, 0.09678418, -0.18628806, 0.27886807, -1.13520398, 1.48851587, -0.82215223, 0.17087277];
        double poly = 0;
        for (int k = c.Length - 1; k >= 0; k--)
        {
            poly = c[k] + (t * poly);
        }

        double r = t * Math.Exp((-z * z) + poly);
        return x >= 0 ? r : 2 - r;
    }
}
