using static TorchSharp.torch;

namespace Sieve.Models.Autoencoders;

/// <summary>
/// A model whose reconstruction score of an event is its own loss rather than the cell-by-cell MSE in
/// input order: a set model matches its output objects to the input's before it compares them, so the
/// score does not depend on the order of the objects. Scorers ask for this when a model provides it.
/// </summary>
public interface IEventScoring
{
    /// <summary>Reconstruction score per event: features (B, F) and the presence mask (B, F) or null -> (B).</summary>
    Tensor EventScore(Tensor features, Tensor? mask);
}
