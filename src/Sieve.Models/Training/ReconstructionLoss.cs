using static TorchSharp.torch;

namespace Sieve.Models.Training;

/// <summary>
/// The reconstruction loss: per-feature weighted MSE, over the present cells only when a mask is
/// given: sum(m w (x_hat - x)^2) / sum(m w). Padded or missing cells contribute neither error nor count,
/// so changing what a padded slot holds, on either side, cannot change the loss.
/// </summary>
public static class ReconstructionLoss
{
    /// <summary>Scalar loss of a batch: reconstruction and target (B, F), weights (F), mask (B, F) or null.</summary>
    public static Tensor Compute(Tensor reconstruction, Tensor target, Tensor weights, Tensor? mask)
    {
        ArgumentNullException.ThrowIfNull(reconstruction);
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(weights);
        using Tensor se = (reconstruction - target).square() * weights;   // (B, F)
        if (mask is null)
        {
            return se.mean();
        }

        using Tensor masked = se * mask;
        using Tensor numerator = masked.sum();
        using Tensor present = (mask * weights).sum();
        return numerator / present.clamp_min(1e-12);
    }
}
