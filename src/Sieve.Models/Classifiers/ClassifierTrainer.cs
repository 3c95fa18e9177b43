using Sieve.Models.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Sieve.Models.Classifiers;

/// <summary>
/// Trains a <see cref="DenseClassifier"/>: BCE with logits, weighted, Adam, early stopping on the
/// validation loss, the best epoch's weights kept, and the autoencoder trainer's divergence guard.
/// </summary>
/// <remarks>
/// Class balance: each class's weights are rescaled so both classes weigh the same in the loss, whatever
/// their event counts or cross-sections. Negative event weights (NLO) are set to 0 for training only: a
/// negative weight makes the loss unbounded below (the network is rewarded for being confidently wrong on
/// that event); the report still sums them with their sign.
/// </remarks>
public static class ClassifierTrainer
{
    /// <summary>Per-row loss weights: negatives clipped to 0, each class scaled to half the total.</summary>
    public static float[] BalancedWeights(ReadOnlySpan<float> labels, ReadOnlySpan<double> eventWeights)
    {
        double[] sums = new double[2];
        int n = labels.Length;
        var result = new float[n];
        for (int i = 0; i < n; i++)
        {
            double w = eventWeights.IsEmpty ? 1 : Math.Max(eventWeights[i], 0);
            sums[labels[i] > 0.5f ? 1 : 0] += w;
        }

        for (int i = 0; i < n; i++)
        {
            double w = eventWeights.IsEmpty ? 1 : Math.Max(eventWeights[i], 0);
            double total = sums[labels[i] > 0.5f ? 1 : 0];
            result[i] = total > 0 ? (float)(w * n / (2 * total)) : 0f;
        }

        return result;
    }

    /// <summary>Trains on row-major (N, F) rows with 0/1 labels and per-row loss weights (see <see cref="BalancedWeights"/>).</summary>
    public static ClassifierTrainingResult Train(DenseClassifier model, float[] trainRows, float[] trainLabels, float[] trainWeights,
        float[] validationRows, float[] validationLabels, float[] validationWeights, ClassifierTrainingOptions options)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        int f = model.InputSize;
        using Tensor xt = torch.tensor(trainRows, [trainLabels.Length, f]), yt = torch.tensor(trainLabels), wt = torch.tensor(trainWeights);
        using Tensor xv = torch.tensor(validationRows, [validationLabels.Length, f]), yv = torch.tensor(validationLabels), wv = torch.tensor(validationWeights);
        bool hasValidation = validationLabels.Length > 0;
        using var optimiser = torch.optim.Adam(model.parameters(), options.LearningRate);
        var random = new Random(options.Seed);
        int[] order = [.. Enumerable.Range(0, trainLabels.Length)];

        double startTrain = Loss(model, xt, yt, wt);
        double startValidation = hasValidation ? Loss(model, xv, yv, wv) : double.NaN;
        var history = new List<(double, double)>();
        Dictionary<string, Tensor>? best = null;
        double bestLoss = double.PositiveInfinity;
        int bestEpoch = 0, sinceBest = 0;
        TrainingDivergence? divergence = null;
        for (int epoch = 1; epoch <= options.Epochs; epoch++)
        {
            model.train();
            random.Shuffle(order);
            double sum = 0, weight = 0;
            for (int start = 0; start < order.Length; start += options.BatchSize)
            {
                using var scope = NewDisposeScope();
                Tensor index = torch.tensor(order[start..Math.Min(order.Length, start + options.BatchSize)], ScalarType.Int64);
                Tensor w = wt.index_select(0, index);
                Tensor loss = nn.functional.binary_cross_entropy_with_logits(model.forward(xt.index_select(0, index)), yt.index_select(0, index), w, reduction: nn.Reduction.Sum)
                    / w.sum().clamp_min(1e-12);
                optimiser.zero_grad();
                loss.backward();
                optimiser.step();
                double batchWeight = w.sum().item<float>();
                sum += loss.item<float>() * batchWeight;
                weight += batchWeight;
            }

            double trainLoss = weight > 0 ? sum / weight : double.NaN;
            double validationLoss = hasValidation ? Loss(model, xv, yv, wv) : trainLoss;
            history.Add((trainLoss, hasValidation ? validationLoss : double.NaN));
            divergence = Diverged(epoch, "training", trainLoss, startTrain, options) ?? (hasValidation ? Diverged(epoch, "validation", validationLoss, startValidation, options) : null);
            if (divergence is not null)
            {
                break;
            }

            if (validationLoss < bestLoss)
            {
                bestLoss = validationLoss;
                bestEpoch = epoch;
                sinceBest = 0;
                Dispose(best);
                best = model.state_dict().ToDictionary(kv => kv.Key, kv => kv.Value.detach().clone());
            }
            else if (options.Patience > 0 && ++sinceBest >= options.Patience)
            {
                break;
            }
        }

        if (best is not null)
        {
            // The weights of the best epoch, never those of a later or diverged one.
            model.load_state_dict(best);
            Dispose(best);
        }

        model.eval();
        return new ClassifierTrainingResult(bestEpoch, bestLoss, history, divergence);
    }

    private static double Loss(DenseClassifier model, Tensor x, Tensor y, Tensor w)
    {
        model.eval();
        using var noGrad = torch.no_grad();
        using var scope = NewDisposeScope();
        Tensor loss = nn.functional.binary_cross_entropy_with_logits(model.forward(x), y, w, reduction: nn.Reduction.Sum) / w.sum().clamp_min(1e-12);
        return loss.item<float>();
    }

    private static TrainingDivergence? Diverged(int epoch, string split, double loss, double start, ClassifierTrainingOptions options)
    {
        double bound = options.DivergenceFactor > 0 ? options.DivergenceFactor * start : double.PositiveInfinity;
        return !double.IsFinite(loss) || loss > bound ? new TrainingDivergence(epoch, split, loss, start, bound, options.LearningRate) : null;
    }

    private static void Dispose(Dictionary<string, Tensor>? tensors)
    {
        foreach (Tensor t in tensors?.Values ?? Enumerable.Empty<Tensor>())
        {
            t.Dispose();
        }
    }
}
