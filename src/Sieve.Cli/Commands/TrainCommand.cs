using System.CommandLine;
using Sieve.Cli.Terminal;
using Sieve.Pipeline;
using Sieve.Core.Normalisation;
using Sieve.Models.Autoencoders;
using Sieve.Models.Training;
using Spectre.Console;

namespace Sieve.Cli.Commands;

/// <summary>`sieve train`: fit an autoencoder to an input file and write a model directory.</summary>
internal static class TrainCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var input = new Option<string?>("--input", "-i") { Description = "Training file: DarkMachines or numeric CSV, .npy/.npz, HDF5, Parquet, LHE, HepMC3, FastJet text (docs/formats.md). Required unless --resume." };
        var format = CommonOptions.Format();
        var channel = CommonOptions.Channel();
        var missing = CommonOptions.Missing();
        var allowDrop = CommonOptions.AllowDrop();
        var layout = CommonOptions.Layout();
        var columns = CommonOptions.Columns();
        var units = CommonOptions.Units();
        var preset = new Option<string?>("--preset", "-p") { Description = $"Model shape: {string.Join("; ", ModelCatalogue.Presets.Concat(Sieve.Models.Convolutional.ConvolutionalCatalogue.Presets).Select(p => $"{p.Key} = {p.Value}"))}. Default {ModelCatalogue.DefaultPreset} (for images: the conv preset suited to their size)." };
        var config = new Option<string?>("--config") { Description = "JSON config file (see docs/configuration.md); command-line options override it." };
        var latent = new Option<int?>("--latent", "-z") { Description = "Latent dimensions. Default 3." };
        var epochs = new Option<int?>("--epochs", "-e") { Description = "Maximum epochs. Default 100." };
        var batch = new Option<int?>("--batch-size") { Description = "Rows per optimiser step. Default 256." };
        var lr = new Option<double?>("--learning-rate") { Description = "Initial Adam learning rate. Default 1e-3." };
        var schedule = new Option<LearningRateSchedule?>("--schedule") { Description = "Learning-rate schedule: constant, reduceonplateau (default), cosine." };
        var validation = new Option<double?>("--validation-fraction") { Description = "Fraction of rows held out for validation and early stopping. Default 0.2." };
        var patience = new Option<int?>("--patience") { Description = "Early stopping: epochs without a better validation loss. 0 disables. Default 20." };
        var seed = new Option<int?>("--seed") { Description = "Seed for split, shuffling and weights. Default 42." };
        var normalisation = new Option<NormalisationKind?>("--normalisation") { Description = "jet (default: eta/5, phi/3, log pT, log(m+1); z-score for other columns), zscore, logzscore (log10(1+x) then z-score for never-negative features: tames long tails) or none. Fitted on the training split only." };
        var vae = new Option<bool>("--vae") { Description = "Train a variational autoencoder (Gaussian latent, reparameterisation, log-variance clamped to [-10, 10]); its scores include KL and R_z." };
        var setModel = new Option<bool>("--set-model") { Description = "Train a DeepSets autoencoder on the event's objects (needs --layout fixed-slots): each object with its kind through one network, a masked mean over the present objects, a latent, and a decoder that emits the set; loss and score match emitted objects to input objects (Hungarian method), so neither depends on object order or counts padded slots." };
        var imageLoss = new Option<Sieve.Models.Convolutional.ImageLoss?>("--image-loss") { Description = "Images ((N, C, H, W) .npy arrays train a convolutional (V)AE; --preset conv-cicada or conv-genie, else chosen by size): mse (default) or bce on intensities normalised to [0, 1] (the image normalisation, the default for images)." };
        var beta = new Option<double?>("--beta") { Description = "Weight of the VAE's KL term (beta-VAE); implies --vae. Default 1." };
        var lossWeights = new Option<string?>("--loss-weights") { Description = "Per-feature loss weights, e.g. pt=4,m=2 (others weigh 1; rescaled to mean 1). Spends the latent's capacity where precision matters." };
        var threads = new Option<int?>("--threads") { Description = "CPU threads for libtorch; 0 = one per core (default). Small models often train faster on 1." };
        var device = new Option<string?>("--device") { Description = "cpu, cuda, cuda:N or auto (default: CUDA when available)." };
        var output = new Option<string?>("--out", "-o") { Description = "Model directory to write (model.json, weights.bin, history.csv, run.json, checkpoint.zip). Required unless --resume." };
        var divergence = new Option<double?>("--divergence-factor") { Description = "Stop when the training or validation loss exceeds this many times the initialised model's (or is NaN/inf); the model kept is the best epoch before, and the exit code is 1. 0 = only NaN/inf. Default 1000." };
        var checkpointEvery = new Option<int?>("--checkpoint-every") { Description = "Epochs between resumable checkpoints (checkpoint.zip in the model directory); the last epoch always gets one. Default 1." };
        var qat = new Option<string?>("--qat") { Description = "Quantisation-aware training: weights and biases in this fixed-point type in every step (straight-through estimator), e.g. 'ap_fixed<8,3,AP_RND,AP_SAT>'; quantize-model with the same type gives the weights training saw (docs/fixed-point.md)." };
        var resume = new Option<string?>("--resume") { Description = "Continue the interrupted training in this model directory from its last checkpoint, with the options and input it started with (the input must be unchanged); --epochs may raise the number of epochs. Same seed, same weights as an uninterrupted run." };

        var command = new Command("train", "Train an autoencoder on a file and write a model directory. The normaliser is fitted on the training split only; " +
                                           "history.csv is written every epoch, the best model is saved as soon as it appears and a checkpoint after every epoch (--resume). " +
                                           "A diverging loss stops the run, keeps the best epoch before it and exits with code 1.")
        {
            input, format, channel, layout, allowDrop, missing, columns, units, preset, config, latent, epochs, batch, lr, schedule, validation, patience, seed, normalisation, vae, beta, setModel, imageLoss, lossWeights, threads, device, divergence, checkpointEvery, qat, output, resume,
        };
        command.SetAction(parse =>
        {
            if (parse.GetValue(resume) is { } runDirectory)
            {
                // A resumed run is the run it continues: other options would make it a different one.
                Option[] own = [input, format, channel, layout, allowDrop, missing, columns, units, preset, config, latent, batch, lr, schedule, validation, patience, seed,
                    normalisation, vae, beta, setModel, imageLoss, lossWeights, threads, device, divergence, checkpointEvery, qat, output];
                if (own.FirstOrDefault(o => parse.GetResult(o) is { Implicit: false }) is { } given)
                {
                    throw new ArgumentException($"--resume continues a run with the options it started with; {given.Name} cannot be changed (only --epochs can).");
                }

                int? more = parse.GetValue(epochs);
                TrainOutcome resumed = TrainingDisplay.Run(console, TrainWorkflow.PlannedEpochs(runDirectory, more), progress => TrainWorkflow.Resume(runDirectory, more, progress));
                return Summaries.Train(console, resumed);
            }

            if (parse.GetValue(input) is null || parse.GetValue(output) is null)
            {
                throw new ArgumentException("train needs --input FILE and --out MODEL_DIR (or --resume MODEL_DIR to continue a run).");
            }

            TrainConfig file = parse.GetValue(config) is { } path ? TrainConfig.Load(path) : new TrainConfig();
            TrainerOptions defaults = file.Training ?? new TrainerOptions();
            TrainerOptions training = defaults with
            {
                Epochs = parse.GetValue(epochs) ?? defaults.Epochs,
                BatchSize = parse.GetValue(batch) ?? defaults.BatchSize,
                LearningRate = parse.GetValue(lr) ?? defaults.LearningRate,
                Schedule = parse.GetValue(schedule) ?? defaults.Schedule,
                ValidationFraction = parse.GetValue(validation) ?? defaults.ValidationFraction,
                EarlyStoppingPatience = parse.GetValue(patience) ?? defaults.EarlyStoppingPatience,
                Seed = parse.GetValue(seed) ?? defaults.Seed,
                Device = parse.GetValue(device) ?? defaults.Device,
                Threads = parse.GetValue(threads) ?? defaults.Threads,
                DivergenceFactor = parse.GetValue(divergence) ?? defaults.DivergenceFactor,
                CheckpointEvery = parse.GetValue(checkpointEvery) ?? defaults.CheckpointEvery,
                QuantisationAware = parse.GetValue(qat) is { } type ? Sieve.Models.FixedPoint.ApFixedFormat.Parse(type) : defaults.QuantisationAware,
            };
            ArchitectureConfig? architecture = file.HiddenWidths is { } widths && parse.GetValue(preset) is null
                ? new ArchitectureConfig(widths, file.Activation ?? ActivationKind.Tanh)
                : null;
            var request = new TrainRequest(
                new InputRequest(parse.GetValue(input)!, parse.GetValue(format), CommonOptions.SplitColumns(parse.GetValue(columns)), parse.GetValue(units),
                    CommonOptions.ParseChannel(parse.GetValue(channel)), parse.GetValue(missing), CommonOptions.ParseLayout(parse.GetValue(layout)),
                    parse.GetValue(allowDrop)),
                parse.GetValue(output)!,
                parse.GetValue(preset) ?? file.Preset ?? ModelCatalogue.DefaultPreset,
                parse.GetValue(latent) ?? file.Latent,
                architecture,
                parse.GetValue(normalisation) ?? file.Normalisation ?? NormalisationKind.Jet,
                training,
                LossWeights: CommonOptions.ParseAssignments(parse.GetValue(lossWeights), "--loss-weights") ?? file.LossWeights,
                Variational: parse.GetValue(beta) is { } b ? new VariationalOptions(b)
                    : parse.GetValue(vae) ? file.Variational ?? new VariationalOptions() : file.Variational,
                SetModel: parse.GetValue(setModel),
                ImageLoss: parse.GetValue(imageLoss));

            TrainOutcome outcome = TrainingDisplay.Run(console, training.Epochs, progress => TrainWorkflow.Run(request, progress));
            return Summaries.Train(console, outcome);
        });
        return command;
    }
}
