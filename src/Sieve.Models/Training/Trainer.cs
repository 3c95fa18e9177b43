using System.Diagnostics;
using Sieve.Models.Autoencoders;
using Sieve.Models.Checkpoints;
using Sieve.Models.Runtime;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Sieve.Models.Training;

/// <summary>
/// Model-agnostic trainer: Adam on the reconstruction MSE (normalised units), a seeded
/// train/validation split, a learning-rate schedule and early stopping. It keeps the weights of the
/// best validation epoch and stops, keeping the best good epoch, when the loss diverges (NaN, infinity
/// or past <see cref="TrainerOptions.DivergenceFactor"/> times the initialised model's). Knows nothing about a particular model; reports through IProgress and a
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
    /// <param name="model">Model to train; holds the best epoch's weights on return.</param>
    /// <param name="trainSet">Training rows.</param>
    /// <param name="validationSet">Validation rows (may be empty).</param>
    /// <param name="options">Settings.</param>
    /// <param name="progress">Told about every epoch.</param>
    /// <param name="epochCompleted">Called after every epoch, before its checkpoint (the caller writes history and the best model).</param>
    /// <param name="cancellation">Checked before every epoch.</param>
    /// <param name="resumeFrom">A checkpoint of an earlier run with the same data and options: training continues after its last epoch.</param>
    /// <param name="checkpointReady">Receives a checkpoint every <see cref="TrainerOptions.CheckpointEvery"/> epochs and after the last (never of a diverged epoch).</param>
    public static TrainingResult Train(IAutoencoder model, TrainingSet trainSet, TrainingSet validationSet, TrainerOptions options,
        IProgress<EpochReport>? progress = null, Action<EpochReport>? epochCompleted = null, CancellationToken cancellation = default,
        TrainingCheckpoint? resumeFrom = null, Action<TrainingCheckpoint>? checkpointReady = null)
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
        using Adam optimiser = torch.optim.Adam(model.Module.parameters(), options.LearningRate, weight_decay: options.WeightDecay);
        var generator = new Generator((ulong)options.Seed);
        Dictionary<string, Tensor>? best = null;
        TrainingDivergence? divergence = null;
        TrainerState state;

        try
        {
            if (resumeFrom is not null)
            {
                resumeFrom.State.CheckResumable(options.Epochs);
                state = Restore(resumeFrom, model, optimiser, generator, device, out best) with { Finished = false };
            }
            else
            {
                // The reference for divergence: what the initialised model scores before any step.
                double startTrain = Evaluate(model, trainTensor, weights, trainMask, options.QuantisationAware);
                double startVal = nVal > 0 ? Evaluate(model, validationTensor, weights, validationMask, options.QuantisationAware) : double.NaN;
                if (!double.IsFinite(startTrain) || (nVal > 0 && !double.IsFinite(startVal)))
                {
                    throw new TrainingDivergedException($"the initialised model's loss is not finite (training {startTrain}, validation {startVal}): the normalised inputs hold huge or non-finite values.");
                }

                state = new TrainerState(0, options.LearningRate, double.PositiveInfinity, 0, 0, 0, startTrain, startVal, false, false, []);
            }

            var history = new List<EpochReport>(state.History);
            double lr = state.LearningRate;
            int sincePlateauCut = state.SincePlateauCut;
            int sinceBest = state.SinceBest;
            double bestLoss = state.BestLoss;
            int bestEpoch = state.BestEpoch;
            bool stoppedEarly = false;

            for (int epoch = state.EpochsDone + 1; epoch <= options.Epochs; epoch++)
            {
                cancellation.ThrowIfCancellationRequested();
                var clock = Stopwatch.StartNew();
                lr = NextLearningRate(options, epoch, lr, ref sincePlateauCut, sinceBest);
                foreach (var group in optimiser.ParamGroups)
                {
                    group.LearningRate = lr;
                }

                double trainLoss = TrainEpoch(model, optimiser, trainTensor, trainMask, weights, options.BatchSize, generator, options.QuantisationAware);
                double valLoss = nVal > 0 ? Evaluate(model, validationTensor, weights, validationMask, options.QuantisationAware) : double.NaN;
                double monitored = nVal > 0 ? valLoss : trainLoss;
                divergence = Diverged(epoch, "training", trainLoss, state.StartTrainLoss, options, lr)
                    ?? (nVal > 0 ? Diverged(epoch, "validation", valLoss, state.StartValidationLoss, options, lr) : null);

                bool isBest = divergence is null && monitored < bestLoss;
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
                if (divergence is not null)
                {
                    // The last checkpoint stays the last good epoch's; this epoch's weights are never kept.
                    break;
                }

                stoppedEarly = options.EarlyStoppingPatience > 0 && sinceBest >= options.EarlyStoppingPatience && epoch < options.Epochs;
                bool finished = stoppedEarly || epoch == options.Epochs;
                state = new TrainerState(epoch, lr, bestLoss, bestEpoch, sinceBest, sincePlateauCut, state.StartTrainLoss, state.StartValidationLoss, finished, stoppedEarly, [.. history]);
                if (checkpointReady is not null && (finished || epoch % options.CheckpointEvery == 0))
                {
                    checkpointReady(Capture(state, model, best, optimiser, generator));
                }

                if (stoppedEarly)
                {
                    break;
                }
            }

            if (best != null)
            {
                model.Module.load_state_dict(best);
            }

            double startLoss = nVal > 0 ? state.StartValidationLoss : state.StartTrainLoss;
            return new TrainingResult(history, bestEpoch, bestLoss, nTrain, nVal, stoppedEarly)
            {
                Divergence = divergence,
                StartLoss = startLoss,
                Warnings = Warnings(history, nVal > 0, startLoss, bestEpoch, bestLoss),
            };
        }
        finally
        {
            DisposeAll(best);
            generator.Dispose();
        }
    }

    /// <summary>A last epoch this many times above the first is reported, even below the divergence bound.</summary>
    public const double UnstableFactor = 10;

    private static TrainingDivergence? Diverged(int epoch, string split, double loss, double start, TrainerOptions options, double lr)
    {
        double bound = options.DivergenceFactor > 0 ? options.DivergenceFactor * start : double.PositiveInfinity;
        return double.IsFinite(loss) && loss <= bound ? null : new TrainingDivergence(epoch, split, loss, start, bound, lr);
    }

    /// <summary>Signs of a bad run that did not diverge: the end far above the start, or nothing learned.</summary>
    private static List<string> Warnings(List<EpochReport> history, bool hasValidation, double startLoss, int bestEpoch, double bestLoss)
    {
        var warnings = new List<string>();
        string split = hasValidation ? "validation" : "training";
        EpochReport[] good = [.. history.Where(h => double.IsFinite(hasValidation ? h.ValidationLoss : h.TrainLoss))];
        if (good.Length >= 2)
        {
            double first = hasValidation ? good[0].ValidationLoss : good[0].TrainLoss;
            double last = hasValidation ? good[^1].ValidationLoss : good[^1].TrainLoss;
            if (last > UnstableFactor * first)
            {
                warnings.Add(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                    $"the {split} loss of epoch {good[^1].Epoch} ({last:G4}) is {last / first:G3} x epoch {good[0].Epoch}'s ({first:G4}): training was unstable; the model kept is epoch {bestEpoch}'s ({bestLoss:G4}). A lower learning rate may do better."));
            }
        }

        if (bestEpoch > 0 && double.IsFinite(startLoss) && bestLoss >= startLoss)
        {
            warnings.Add(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"the best {split} loss ({bestLoss:G4}) is not below the initialised model's ({startLoss:G4}): the model learned nothing; lower the learning rate or check the inputs."));
        }

        return warnings;
    }

    private static TrainingCheckpoint Capture(TrainerState state, IAutoencoder model, Dictionary<string, Tensor>? best, Adam optimiser, Generator generator)
    {
        using var optimiserBytes = new MemoryStream();
        using (var writer = new BinaryWriter(optimiserBytes, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            optimiser.save_state_dict(writer);
        }

        Dictionary<string, Tensor> current = model.Module.state_dict();
        using Tensor shuffle = generator.get_state();
        using Tensor global = torch.get_rng_state();
        return new TrainingCheckpoint(state, TensorDictionary.ToBytes(current), best is null ? null : TensorDictionary.ToBytes(best),
            optimiserBytes.ToArray(), shuffle.data<byte>().ToArray(), global.data<byte>().ToArray());
    }

    private static TrainerState Restore(TrainingCheckpoint checkpoint, IAutoencoder model, Adam optimiser, Generator generator, Device device,
        out Dictionary<string, Tensor>? best)
    {
        Dictionary<string, Tensor> weights = TensorDictionary.FromBytes(checkpoint.Weights);
        try
        {
            model.Module.load_state_dict(weights);
        }
        finally
        {
            DisposeAll(weights);
        }

        using (var reader = new BinaryReader(new MemoryStream(checkpoint.Optimiser, writable: false)))
        {
            optimiser.load_state_dict(reader);
        }

        optimiser.to(device);
        using (Tensor shuffle = torch.tensor(checkpoint.ShuffleGenerator, ScalarType.Byte))
        {
            generator.set_state(shuffle);
        }

        using (Tensor global = torch.tensor(checkpoint.GlobalGenerator, ScalarType.Byte))
        {
            torch.set_rng_state(global);
        }

        best = checkpoint.BestWeights is null ? null : TensorDictionary.FromBytes(checkpoint.BestWeights);
        return checkpoint.State;
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

    // With quantisation-aware training the loss is evaluated with the weights in their fixed-point type.
    private static double Evaluate(IAutoencoder model, Tensor data, Tensor weights, Tensor? mask, FixedPoint.ApFixedFormat? quantised)
    {
        using FixedPoint.FakeQuantisation? swap = quantised is null ? null : FixedPoint.FakeQuantisation.SwapIn(model.Module, quantised);
        return Evaluate(model, data, weights, mask);
    }

    private static double TrainEpoch(IAutoencoder model, torch.optim.Optimizer optimiser, Tensor train, Tensor? mask, Tensor weights, int batchSize, Generator generator,
        FixedPoint.ApFixedFormat? quantised)
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
            Tensor loss;

            // Quantisation-aware: loss and gradients at the fixed-point weights, applied to the float ones.
            using (FixedPoint.FakeQuantisation? swap = quantised is null ? null : FixedPoint.FakeQuantisation.SwapIn(model.Module, quantised))
            {
                loss = Loss(model, x, weights, m);
                loss.backward();
            }

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
