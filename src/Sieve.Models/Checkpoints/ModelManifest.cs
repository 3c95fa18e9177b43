using Sieve.Core.Normalisation;
using Sieve.Core.Tables;
using Sieve.Models.Autoencoders;
using Sieve.Models.Training;

namespace Sieve.Models.Checkpoints;

/// <summary>
/// model.json: everything besides the weights that is needed to use a trained model: its shape,
/// the normaliser fitted on its training split, the input schema and how it was trained.
/// </summary>
public sealed record ModelManifest
{
    /// <summary>Identifies the file kind.</summary>
    public string Format { get; init; } = "sieve-model";

    /// <summary>Manifest version; readers refuse versions they do not know.</summary>
    public int FormatVersion { get; init; } = 1;

    /// <summary>Tool and version that wrote it.</summary>
    public required string Tool { get; init; }

    /// <summary>Preset name, or "custom".</summary>
    public required string Preset { get; init; }

    /// <summary>Network shape.</summary>
    public required DenseAutoencoderOptions Architecture { get; init; }

    /// <summary>Variational settings when the model is a (beta-)VAE; null for a plain autoencoder.</summary>
    public VariationalOptions? Variational { get; init; }

    /// <summary>
    /// The set shape when the model is a DeepSets autoencoder on object slots; null for dense models.
    /// <see cref="Architecture"/> then records its input size, per-object widths and latent size.
    /// </summary>
    public Sets.SetAutoencoderOptions? Set { get; init; }

    /// <summary>
    /// The image shape and filters when the model is a convolutional (V)AE; null for dense models.
    /// <see cref="Variational"/> says whether it is variational.
    /// </summary>
    public Convolutional.ConvolutionalOptions? Convolution { get; init; }

    /// <summary>Normaliser fitted on the training split.</summary>
    public required FeatureNormaliser Normaliser { get; init; }

    /// <summary>The input the model expects.</summary>
    public required InputSchema Schema { get; init; }

    /// <summary>Training settings.</summary>
    public required TrainerOptions Training { get; init; }

    /// <summary>Best epoch, loss and split sizes.</summary>
    public required TrainingSummary Result { get; init; }

    /// <summary>File name of the weights, beside the manifest.</summary>
    public string WeightsFile { get; init; } = "weights.bin";

    /// <summary>SHA-256 (hex) of the weights file: the model's identity in archives.</summary>
    public required string WeightsSha256 { get; init; }

    /// <summary>Missing-value handling, when the model was trained with a marker; null otherwise.</summary>
    public MissingValuePolicy? Missing { get; init; }

    /// <summary>Whether the training data was synthetic (the built-in demo sample).</summary>
    public bool Synthetic { get; init; }
}
