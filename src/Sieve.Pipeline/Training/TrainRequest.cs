using Sieve.Core.Normalisation;
using Sieve.Models.Autoencoders;
using Sieve.Models.Training;

namespace Sieve.Pipeline;

/// <summary>Everything `sieve train` needs.</summary>
/// <param name="Input">Training input.</param>
/// <param name="OutputDirectory">Model directory to write.</param>
/// <param name="Preset">Preset name (shape), used unless <paramref name="Architecture"/> is given.</param>
/// <param name="LatentSize">Latent size override.</param>
/// <param name="Architecture">Explicit hidden widths and activation (from a config file), or null.</param>
/// <param name="Normalisation">Normalisation kind.</param>
/// <param name="Training">Trainer settings.</param>
/// <param name="Synthetic">Whether the input is the built-in synthetic sample.</param>
/// <param name="LossWeights">Loss weight per feature name (others weigh 1); null = plain MSE.</param>
/// <param name="Variational">Train a (beta-)VAE with these settings; null = plain autoencoder.</param>
/// <param name="SetModel">Train a DeepSets autoencoder on the layout's object slots instead of a dense network.</param>
/// <param name="ImageLoss">Reconstruction loss of a convolutional model (image inputs); null = MSE.</param>
public sealed record TrainRequest(InputRequest Input, string OutputDirectory, string Preset, int? LatentSize,
    ArchitectureConfig? Architecture, NormalisationKind Normalisation, TrainerOptions Training, bool Synthetic = false,
    IReadOnlyDictionary<string, double>? LossWeights = null, VariationalOptions? Variational = null, bool SetModel = false,
    Sieve.Models.Convolutional.ImageLoss? ImageLoss = null);

/// <summary>A custom shape from a config file.</summary>
/// <param name="HiddenWidths">Encoder hidden widths (the decoder mirrors them).</param>
/// <param name="Activation">Activation.</param>
public sealed record ArchitectureConfig(IReadOnlyList<int> HiddenWidths, ActivationKind Activation);
