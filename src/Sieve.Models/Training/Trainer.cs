using System.Diagnostics;
using Sieve.Models.Autoencoders;
using Sieve.Models.Runtime;
using TorchSharp;
using static TorchSharp.torch;

namespace Sieve.Models.Training;

/// <summary>
/// Model-agnostic trainer: Adam on the reconstruction MSE (normalised units), a seeded
/// train/validation split, a learning-rate schedule and early stopping. It keeps the weights of the
/// best validation epoch. Knows nothing about a particular model; reports through IProgress and a
/// per-epoch callback (where the caller writes history and checkpoints), never the console.
/// </summary>
public static class Trainer
{
    /// <summary>Seeds libtorch's generators; call before building the model for reproducible weights.</summary>
    public static void Seed(int seed)
    {
        TorchRuntime.EnsureLoaded();
        torch.manual_seed(seed);
    }

    /// <summary>
    /// Trains <paramref name="model"/> on row-major normalised data (N, F). The caller splits
    /// (see <see cref="Sieve.Core.Tables.DataSplit"/>) so that the normaliser is fitted on the training rows only;
    /// <paramref name="validation"/> may be empty, then the training loss picks the best epoch.
    /// </summary>
    public static TrainingResult Train(IAutoencoder model, float[] train, float[] validation, TrainerOptions options,
        IProgress<EpochReport>? progress = null, Action<EpochReport>? epochCompleted = null, CancellationToken cancellation = default) =>
        Train(model, new TrainingSet(train), new TrainingSet(validation), options, progress, epochCompleted, cancellation);

    /// <summary>
    /// Trains with optional masks: cells whose mask is 0 (padded slots, missing values) never count
    /// in the loss, neither in training nor in validation.
    /// </summary>
    public static TrainingResult Train(IAutoencoder model, TrainingSet trainSet, TrainingSet validationSet, TrainerOptions options,
        IProgress<EpochReport>? progress = null, Action<EpochReport>? epochCompleted = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(trainSet);
        ArgumentNullException.ThrowIfNull(validationSet);
        ArgumentNullException.ThrowIfNull(options);
        float[] train = trainSet.Values;
        float[] validation = validationSet.Values;
        trainSet.Validate();
        validationSet.Validate();
        options.Validate();
        TorchRuntime.EnsureLoaded();

        int f = model.InputSize;
        if (train.Length % f != 0 || validation.Length % f != 0)
        {
            throw new ArgumentException($"training ({train.Length}) or validation ({validation.Length}) values are not whole rows of {f} features.");
        }

        int nTrain = train.Length / f;
        int nVal = validation.Length / f;
        if (nTrain < 1)
        {
            throw new ArgumentException("no training rows.", nameof(train));
        }

        if (options.Threads > 0)
        {
            torch.set_num_threads(options.Threads);
        }

        Device device = TorchRuntime.ResolveDevice(options.Device);
        model.Module.to(device);
        using Tensor trainTensor = torch.tensor(train, [nTrain, f]).to(device);             // (N_train, F)
        using Tensor validationTensor = torch.tensor(validation, [nVal, f]).to(device);     // (N_val, F)
        using Tensor? trainMask = trainSet.Mask is { } tm ? torch.tensor(tm, [nTrain, f]).to(device) : null;            // (N_train, F)
        using Tensor? validationMask = validationSet.Mask is { } vm ? torch.tensor(vm, [nVal, f]).to(device) : null;    // (N_val, F)

        using Tensor weights = LossWeights(options.FeatureWeights, f).to(device);              // (F)
        using var optimiser = torch.optim.Adam(model.Module.parameters(), options.LearningRate, weight_decay: options.WeightDecay);
        var history = new List<EpochReport>();
        Dictionary<string, Tensor>? best = null;
        double bestLoss = double.PositiveInfinity;
        int bestEpoch = 0;
        int sinceBest = 0;
        int sincePlateauCut = 0;
        double lr = options.LearningRate;
        bool stoppedEarly = false;
        var generator = new Generator((ulong)options.Seed);

        try
        {
            for (int epoch = 1; epoch <= options.Epochs; epoch++)
            {
                cancellation.ThrowIfCancellationRequested();
                var clock = Stopwatch.StartNew();
                lr = NextLearningRate(options, epoch, lr, ref sincePlateauCut, sinceBest);
                foreach (var group in optimiser.ParamGroups)
                {
                    group.LearningRate = lr;
                }

                double trainLoss = TrainEpoch(model, optimiser, trainTensor, trainMask, weights, options.BatchSize, generator);
                double valLoss = nVal > 0 ? Evaluate(model, validationTensor, weights, validationMask) : double.NaN;
                double monitored = nVal > 0 ? valLoss : trainLoss;
                if (!double.IsFinite(trainLoss))
                {
                    throw new TrainingDivergedException($"training diverged at epoch {epoch} (loss {trainLoss}); lower the learning rate.");
                }

                bool isBest = monitored < bestLoss;
                if (isBest)
                {
                    bestLoss = monitored;
                    bestEpoch = epoch;
                    sinceBest = 0;
                    DisposeAll(best);
                    best = Snapshot(model.Module);
                }
                else
                {
                    sinceBest++;
                }

                var report = new EpochReport(epoch, options.Epochs, trainLoss, valLoss, lr, clock.Elapsed.TotalSeconds, isBest);
                history.Add(report);
                progress?.Report(report);
                epochCompleted?.Invoke(report);

                if (options.EarlyStoppingPatience > 0 && sinceBest >= options.EarlyStoppingPatience)
                {
                    stoppedEarly = epoch < options.Epochs;
                    break;
                }
            }

            if (best != null)
            {
                model.Module.load_state_dict(best);
            }
        }
        finally
        {
            DisposeAll(best);
            generator.Dispose();
        }

        return new TrainingResult(history, bestEpoch, bestLoss, nTrain, nVal, stoppedEarly);
    }

    /// <summary>
    /// Mean squared reconstruction error of normalised data, evaluated in chunks without gradients;
    /// weighted per feature when <paramref name="weights"/> (F) is given, and over the cells whose
    /// <paramref name="mask"/> (N, F) is 1 when a mask is given.
    /// </summary>
    public static double Evaluate(IAutoencoder model, Tensor data, Tensor? weights = null, Tensor? mask = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(data);
        model.Module.eval();
        using var noGrad = torch.no_grad();
        long n = data.shape[0];
        double sum = 0, count = 0;
        const int chunk = 65536;
        for (long start = 0; start < n; start += chunk)
        {
            using var scope = torch.NewDisposeScope();
            long size = Math.Min(chunk, n - start);
            Tensor x = data.narrow(0, start, size);                                 // (b, F)
            Tensor m = mask?.narrow(0, start, size) ?? torch.ones_like(x);           // (b, F)
            Tensor w = weights is null ? m : m * weights;
            if (model is ITrainingObjective objective)
            {
                // The model's own loss (a VAE's includes KL), weighted by the chunk's share of cells.
                double cells = w.sum().item<float>();
                sum += objective.TrainingLoss(x, weights ?? torch.ones(x.shape[1]), mask?.narrow(0, start, size)).item<float>() * cells;
                count += cells;
                continue;
            }

            sum += ((model.Reconstruct(x) - x).square() * w).sum().item<float>();
            count += w.sum().item<float>();
        }

        return count > 0 ? sum / count : double.NaN;
    }

    /// <summary>The batch loss: the model's own objective when it has one, else the (masked, weighted) reconstruction MSE.</summary>
    private static Tensor Loss(IAutoencoder model, Tensor x, Tensor weights, Tensor? mask) =>
        model is ITrainingObjective objective ? objective.TrainingLoss(x, weights, mask) : ReconstructionLoss.Compute(model.Reconstruct(x), x, weights, mask);

    /// <summary>Per-feature loss weights rescaled to mean 1 (all ones when none are given).</summary>
    public static Tensor LossWeights(IReadOnlyList<double>? weights, int featureCount)
    {
        if (weights is null)
        {
            return torch.ones(featureCount);
        }

        if (weights.Count != featureCount)
        {
            throw new ArgumentException($"{weights.Count} feature weights given for {featureCount} features.");
        }

        double mean = weights.Average();
        return torch.tensor(weights.Select(w => (float)(w / mean)).ToArray());
    }

    private static double TrainEpoch(IAutoencoder model, torch.optim.Optimizer optimiser, Tensor train, Tensor? mask, Tensor weights, int batchSize, Generator generator)
    {
        model.Module.train();
        long n = train.shape[0];
        using Tensor permutation = torch.randperm(n, generator: generator).to(train.device);
        double sum = 0;
        for (long start = 0; start < n; start += batchSize)
        {
            using var scope = torch.NewDisposeScope();
            long size = Math.Min(batchSize, n - start);
            Tensor rows = permutation.narrow(0, start, size);
            Tensor x = train.index_select(0, rows);                                // (B, F)
            optimiser.zero_grad();
            Tensor? m = mask?.index_select(0, rows);                              // (B, F)
            Tensor loss = Loss(model, x, weights, m);

            loss.backward();
            optimiser.step();
            sum += loss.item<float>() * size;
        }

        return sum / n;
    }

    private static double NextLearningRate(TrainerOptions options, int epoch, double current, ref int sinceCut, int sinceBest)
    {
        switch (options.Schedule)
        {
            case LearningRateSchedule.Cosine:
                double t = (epoch - 1) / (double)Math.Max(1, options.Epochs - 1);
                return options.LearningRate * (0.01 + (0.99 * 0.5 * (1 + Math.Cos(Math.PI * t))));
            case LearningRateSchedule.ReduceOnPlateau:
                sinceCut++;
                if (sinceBest >= options.PlateauPatience && sinceCut > options.PlateauPatience)
                {
                    sinceCut = 0;
                    return Math.Max(current * 0.5, options.LearningRate * 1e-3);
                }

                return current;
            default:
                return options.LearningRate;
        }
    }

    private static Dictionary<string, Tensor> Snapshot(nn.Module module) =>
        module.state_dict().ToDictionary(kv => kv.Key, kv => kv.Value.detach().clone());

    private static void DisposeAll(Dictionary<string, Tensor>? tensors)
    {
        if (tensors == null)
        {
            return;
        }

        foreach (Tensor t in tensors.Values)
        {
            t.Dispose();
        }
    }
}
