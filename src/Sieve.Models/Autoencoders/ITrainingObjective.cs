using static TorchSharp.torch;

namespace Sieve.Models.Autoencoders;

/// <summary>
/// An autoencoder whose training loss is more than the reconstruction error (a VAE adds its KL
/// term). The trainer asks for this loss when a model provides it; otherwise it uses the (masked,
/// weighted) reconstruction MSE.
/// </summary>
public interface ITrainingObjective
{
    /// <summary>Scalar training loss of a batch x (B, F), with per-feature weights (F) and an optional mask (B, F).</summary>
    Tensor TrainingLoss(Tensor features, Tensor weights, Tensor? mask);
}
