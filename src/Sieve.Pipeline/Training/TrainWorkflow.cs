using System.Globalization;
using Sieve.Core.Normalisation;
using Sieve.Core.Tables;
using Sieve.Models.Autoencoders;
using Sieve.Models.Checkpoints;
using Sieve.Models.Sets;
using Sieve.Models.Convolutional;
using Sieve.Models.Training;

namespace Sieve.Pipeline;

/// <summary>
/// train: read -> split (seeded) -> fit the normaliser on the training rows only -> train ->
/// model directory. history.csv grows every epoch, the model is rewritten at every new best epoch and
/// a resumable checkpoint (checkpoint.zip, beside run.json) after every epoch, so a run that dies
/// keeps its history and its last best model, and <see cref="Resume"/> continues it to the same
/// weights an uninterrupted run reaches. A run whose loss diverges keeps the best epoch before it
/// (<see cref="TrainingResult.Divergence"/> says so); one that diverges at once writes no model.
/// </summary>
public static class TrainWorkflow
{
    /// <summary>History file name inside the model directory.</summary>
    public const string HistoryFile = "history.csv";

    /// <summary>Runs the training.</summary>
    public static TrainOutcome Run(TrainRequest request, IProgress<EpochReport>? progress = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Execute(request, resume: null, progress, cancellation);
    }

    /// <summary>
    /// Continues the training in <paramref name="directory"/> from its last checkpoint, with the run's own
    /// request; <paramref name="epochs"/> raises the number of epochs of a run that finished them all.
    /// </summary>
    public static TrainOutcome Resume(string directory, int? epochs = null, IProgress<EpochReport>? progress = null, CancellationToken cancellation = default)
    {
        TrainingRun run = TrainingRun.Load(directory);
        TrainingCheckpoint checkpoint = TrainingCheckpoint.Load(Path.Combine(directory, TrainingCheckpoint.FileName));
        checkpoint.State.CheckResumable(epochs ?? run.Request.Training.Epochs);   // before the input is read: it may be large
        run.CheckInput();
        if (epochs is { } more && more != run.Request.Training.Epochs)
        {
            // The raised epoch count is the run's from now on, so a later --resume continues to it.
            run = run with { Request = run.Request with { Training = run.Request.Training with { Epochs = more } } };
            run.Save(directory);
        }

        TrainRequest request = run.Request with { OutputDirectory = directory };
        return Execute(request, (run, checkpoint), progress, cancellation);
    }

    /// <summary>The number of epochs a resumed run of <paramref name="directory"/> plans (for progress bars).</summary>
    public static int PlannedEpochs(string directory, int? epochs = null) => epochs ?? TrainingRun.Load(directory).Request.Training.Epochs;

    private static TrainOutcome Execute(TrainRequest request, (TrainingRun Run, TrainingCheckpoint Checkpoint)? resume, IProgress<EpochReport>? progress, CancellationToken cancellation)
    {
        LoadedInput input = InputLoader.Load(request.Input);
        FeatureTable table = input.Table;
        TrainerOptions training = request.Training with { FeatureWeights = FeatureWeights(request.LossWeights, table) ?? request.Training.FeatureWeights };
        training.Validate();
        if (table.RowCount < 2)
        {
            throw new InvalidDataException($"{request.Input.Path}: {table.RowCount} rows; training needs at least 2.");
        }

        DataSplit split = DataSplit.Create(table.RowCount, training.ValidationFraction, training.Seed);

        // Missing cells: filled with the mean of present training values, masked out of the loss.
        MissingValuePolicy? missing = null;
        float[]? mask = input.Mask is { } slots ? [.. slots.Select(m => (float)m)] : null; // padded slots never count
        if (request.Input.Missing is { } marker)
        {
            MissingValueSplit filled = MissingValues.Split(table, marker, MissingValueFill.TrainingMean, split.Train);
            missing = new MissingValuePolicy(marker, filled.FillValues);
            mask = [.. filled.Mask.Select(m => (float)m)];
            table = filled.Table;
            input = input with { Table = table };
        }

        // Padded slots stay out of the normaliser's statistics (a rarely filled slot would make every
        // real value an outlier). Missing cells are in them, at their fill value (the present mean): the
        // feature's width then reflects how often it is absent, which measured better on HiggsML
        // (AUC 0.64 against 0.61, bench/higgsml) than statistics of present values alone.
        // A resumed run uses the normaliser it started with, so its rows are the very same numbers.
        double[]? trainMask = input.Mask is null ? null : [.. TableNormalisation.Rows(mask!, table.FeatureCount, split.Train).Select(m => (double)m)];
        // Images take the image normalisation unless another than the default was asked for: the jet
        // normalisation's per-feature z-scores mean nothing for pixels.
        bool image = input.Shape.Dims.Count == 3;
        NormalisationKind normalisation = image && request.Normalisation == NormalisationKind.Jet ? NormalisationKind.Image : request.Normalisation;
        FeatureNormaliser normaliser = resume?.Run.Normaliser
            ?? NormaliserFitter.Fit(normalisation, DataSplit.Subset(table, split.Train), input.Unit.ToGeV(), trainMask);
        float[] all = TableNormalisation.Apply(normaliser, input, request.Input.Path, mask);
        var train = new TrainingSet(TableNormalisation.Rows(all, table.FeatureCount, split.Train), mask is null ? null : TableNormalisation.Rows(mask, table.FeatureCount, split.Train));
        var validation = new TrainingSet(TableNormalisation.Rows(all, table.FeatureCount, split.Validation), mask is null ? null : TableNormalisation.Rows(mask, table.FeatureCount, split.Validation));

        DenseAutoencoderOptions shape = request.Architecture is { } a
            ? new DenseAutoencoderOptions(table.FeatureCount, a.HiddenWidths, request.LatentSize ?? 3, a.Activation)
            : image || ConvolutionalCatalogue.Presets.ContainsKey(request.Preset)
                ? ModelCatalogue.Auto(table.FeatureCount, request.LatentSize)   // replaced by the convolutional shape below
                : ModelCatalogue.Create(request.Preset, table.FeatureCount, request.LatentSize);
        if (!image && ConvolutionalCatalogue.Presets.ContainsKey(request.Preset))
        {
            throw new ArgumentException($"{request.Input.Path}: --preset {request.Preset} is a convolutional model for images ((N, C, H, W) .npy arrays); this input's rows are {input.Shape}.");
        }

        SetAutoencoderOptions? set = request.SetModel ? SetShape(request, input) : null;
        if (set is not null)
        {
            shape = set.AsDenseShape();
        }

        ConvolutionalOptions? convolution = image && !request.SetModel
            ? ConvolutionalCatalogue.Create(request.Preset, input.Shape.Dims[0], input.Shape.Dims[1], input.Shape.Dims[2], request.LatentSize, request.ImageLoss ?? ImageLoss.Mse)
            : null;
        if (convolution is not null)
        {
            shape = convolution.AsDenseShape();
        }
        else if (request.ImageLoss is not null)
        {
            throw new ArgumentException($"{request.Input.Path}: --image-loss is for image inputs ((N, C, H, W) arrays); this input's rows are {input.Shape}.");
        }

        Directory.CreateDirectory(request.OutputDirectory);
        string checkpointPath = Path.Combine(request.OutputDirectory, TrainingCheckpoint.FileName);
        if (resume is null)
        {
            // A fresh run: nothing of an earlier run in this directory may pass for this one's.
            foreach (string stale in new[] { ModelCheckpoint.ManifestFile, "weights.bin", TrainingCheckpoint.FileName })
            {
                File.Delete(Path.Combine(request.OutputDirectory, stale));
            }

            TrainingRun.Create(request, normaliser).Save(request.OutputDirectory);
        }

        Trainer.Seed(training.Seed);
        using IAutoencoder model = set is not null ? new DeepSetsAutoencoder(set)
            : convolution is not null ? new ConvolutionalAutoencoder(convolution, request.Variational)
            : request.Variational is { } variational ? new VariationalAutoencoder(shape, variational) : new DenseAutoencoder(shape);
        var manifest = new ModelManifest
        {
            Tool = ToolInfo.Name,
            Preset = set is not null ? "deepsets" : convolution is not null ? (ConvolutionalCatalogue.Presets.ContainsKey(request.Preset) ? request.Preset.ToLowerInvariant() : "conv-auto") : request.Architecture is null ? request.Preset.ToLowerInvariant() : "custom",
            Architecture = shape,
            Variational = request.Variational,
            Set = set,
            Convolution = convolution,
            Normaliser = normaliser,
            Schema = new InputSchema(input.Format, table.FeatureNames, input.Unit, request.Input.Layout, input.Shape),
            Training = training,
            Result = new TrainingSummary(0, 0, double.NaN, split.Train.Length, split.Validation.Length, Path.GetFileName(request.Input.Path)),
            WeightsSha256 = string.Empty,
            Synthetic = request.Synthetic || Images.ImageSidecar.IsSynthetic(request.Input.Path),
            Missing = missing,
        };

        string historyPath = Path.Combine(request.OutputDirectory, HistoryFile);
        using var history = new StreamWriter(historyPath, append: false);
        history.WriteLine("epoch,train_loss,validation_loss,learning_rate,seconds,best");
        int epochsRun = 0;
        void Write(EpochReport r)
        {
            epochsRun = r.Epoch;
            history.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{r.Epoch},{r.TrainLoss:R},{r.ValidationLoss:R},{r.LearningRate:R},{r.Seconds:F3},{(r.IsBest ? 1 : 0)}"));
        }

        // A resumed history is the checkpoint's: rows an interrupted run wrote after its last checkpoint are run again.
        foreach (EpochReport done in resume?.Checkpoint.State.History ?? [])
        {
            Write(done);
        }

        history.Flush();
        void OnEpoch(EpochReport r)
        {
            Write(r);
            history.Flush();
            if (r.IsBest)
            {
                // The current weights are the best so far: keep them on disk now.
                manifest = ModelCheckpoint.Save(request.OutputDirectory, model, manifest with
                {
                    Result = manifest.Result with { BestEpoch = r.Epoch, EpochsRun = r.Epoch, BestValidationLoss = double.IsNaN(r.ValidationLoss) ? r.TrainLoss : r.ValidationLoss },
                });
            }
        }

        TrainingResult result = Trainer.Train(model, train, validation, training, progress, OnEpoch, cancellation,
            resume?.Checkpoint, checkpoint => checkpoint.Save(checkpointPath));
        if (result.BestEpoch == 0)
        {
            throw new TrainingDivergedException($"{result.Divergence?.Message ?? "training produced no usable epoch"}; no epoch before it was good, so no model was written (the losses are in {historyPath}).");
        }

        manifest = ModelCheckpoint.Save(request.OutputDirectory, model, manifest with
        {
            Result = manifest.Result with { BestEpoch = result.BestEpoch, EpochsRun = epochsRun, BestValidationLoss = result.BestValidationLoss },
        });
        return new TrainOutcome(request.OutputDirectory, manifest, result, input.Dropped, input.KeptLossless);
    }

    /// <summary>
    /// The set shape of an input laid out as <c>(S, F)</c> object slots; any other input is refused with
    /// what to use instead, as is a VAE (the set model is a plain autoencoder).
    /// </summary>
    private static SetAutoencoderOptions SetShape(TrainRequest request, LoadedInput input)
    {
        if (request.Variational is not null)
        {
            throw new ArgumentException("the set model is a plain autoencoder: leave out --vae/--beta with --set-model.");
        }

        if (input.Shape.Dims.Count != 2 || !input.Shape.Masked)
        {
            throw new ArgumentException($"{request.Input.Path}: a set model reads object slots, rows of shape (S, F) with a presence mask; "
                + $"this input's rows are {input.Shape}. Use an event file with --layout fixed-slots.");
        }

        int slots = input.Shape.Dims[0], features = input.Shape.Dims[1];
        (int[] kinds, string[] names) = SetAutoencoderOptions.KindsFromFeatureNames(input.Table.FeatureNames, slots, features);
        return SetAutoencoderOptions.Default(slots, features, kinds, names, request.LatentSize);
    }

    /// <summary>Maps weights by feature name to feature order; unknown names are an error.</summary>
    private static double[]? FeatureWeights(IReadOnlyDictionary<string, double>? byName, FeatureTable table)
    {
        if (byName is null || byName.Count == 0)
        {
            return null;
        }

        var weights = Enumerable.Repeat(1.0, table.FeatureCount).ToArray();
        foreach ((string name, double weight) in byName)
        {
            int index = table.IndexOf(name);
            if (index < 0)
            {
                throw new ArgumentException($"loss weight given for '{name}', which is not a feature; features: {string.Join(", ", table.FeatureNames)}.");
            }

            weights[index] = weight;
        }

        return weights;
    }
}
