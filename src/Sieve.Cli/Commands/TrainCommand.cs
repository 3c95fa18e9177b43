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
        var input = new Option<string>("--input", "-i") { Description = "Training file: DarkMachines or numeric CSV, .npy/.npz, HDF5, Parquet, LHE, HepMC3, FastJet text (docs/formats.md).", Required = true };
        var format = CommonOptions.Format();
        var channel = CommonOptions.Channel();
        var missing = CommonOptions.Missing();
        var allowDrop = CommonOptions.AllowDrop();
        var layout = CommonOptions.Layout();
        var columns = CommonOptions.Columns();
        var units = CommonOptions.Units();
        var preset = new Option<string?>("--preset", "-p") { Description = $"Model shape: {string.Join("; ", ModelCatalogue.Presets.Select(p => $"{p.Key} = {p.Value}"))}. Default {ModelCatalogue.DefaultPreset}." };
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
        var beta = new Option<double?>("--beta") { Description = "Weight of the VAE's KL term (beta-VAE); implies --vae. Default 1." };
        var lossWeights = new Option<string?>("--loss-weights") { Description = "Per-feature loss weights, e.g. pt=4,m=2 (others weigh 1; rescaled to mean 1). Spends the latent's capacity where precision matters." };
        var threads = new Option<int?>("--threads") { Description = "CPU threads for libtorch; 0 = one per core (default). Small models often train faster on 1." };
        var device = new Option<string?>("--device") { Description = "cpu, cuda, cuda:N or auto (default: CUDA when available)." };
        var output = new Option<string>("--out", "-o") { Description = "Model directory to write (model.json, weights.bin, history.csv).", Required = true };

        var command = new Command("train", "Train an autoencoder on a file and write a model directory. The normaliser is fitted on the training split only; " +
                                           "history.csv is written every epoch and the best model is saved as soon as it appears.")
        {
            input, format, channel, layout, allowDrop, missing, columns, units, preset, config, latent, epochs, batch, lr, schedule, validation, patience, seed, normalisation, vae, beta, lossWeights, threads, device, output,
        };
        command.SetAction(parse =>
        {
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
                    : parse.GetValue(vae) ? file.Variational ?? new VariationalOptions() : file.Variational);

            TrainOutcome outcome = TrainingDisplay.Run(console, training.Epochs, progress => TrainWorkflow.Run(request, progress));
            Summaries.Train(console, outcome);
            return 0;
        });
        return command;
    }
}
