using TorchSharp;
using static TorchSharp.torch;

namespace Sieve.Models.Sets;

/// <summary>
/// The permutation-invariant loss of a set autoencoder. Emitted object i and input slot j cost, when
/// slot j holds an object, the mean squared difference of their features + the cross-entropy of i's
/// kind logits against j's kind + -log p_i(present); when slot j is empty, -log(1 - p_i(present)).
/// Each event's emitted objects are matched one to one to its slots at the least total cost (Hungarian
/// method on the detached costs). The event's loss is the mean matched cost over its filled slots plus
/// the mean over its empty slots: an event of many objects does not score higher than one of few just by
/// having more terms, which is what ties a padded-slot score to multiplicity. Gradients flow through the
/// matched costs, as in the matched-MSE set autoencoders of the field.
/// </summary>
public static class SetMatchingLoss
{
    /// <summary>
    /// Cost (B, S_out, S_in) of every emitted object against every input slot. Inputs: objects (B, S, F),
    /// kinds (B, S, K), presence (B, S); emitted objects (B, S, F), kind logits (B, S, K), presence logits (B, S).
    /// </summary>
    public static Tensor CostMatrix(Tensor objects, Tensor kinds, Tensor presence, Tensor emitted, Tensor kindLogits, Tensor presenceLogits)
    {
        using var scope = torch.NewDisposeScope();
        Tensor distance = (emitted.unsqueeze(2) - objects.unsqueeze(1)).square().mean([3L]);      // (B, So, Si)
        Tensor logProbability = nn.functional.log_softmax(kindLogits, 2);                       // (B, So, K)
        Tensor kindCost = -logProbability.matmul(kinds.transpose(1, 2));                        // (B, So, Si)
        Tensor present = nn.functional.softplus(-presenceLogits).unsqueeze(2);                  // -log sigma(l)
        Tensor absent = nn.functional.softplus(presenceLogits).unsqueeze(2);                    // -log(1 - sigma(l))
        Tensor filled = presence.unsqueeze(1);                                                  // (B, 1, Si)
        Tensor cost = (filled * (distance + kindCost + present)) + ((1 - filled) * absent);
        return cost.MoveToOuterDisposeScope();
    }

    /// <summary>For each event and emitted object, the input slot it is matched to (B x S, row-major).</summary>
    public static long[] Assign(Tensor cost)
    {
        ArgumentNullException.ThrowIfNull(cost);
        int b = (int)cost.shape[0], s = (int)cost.shape[1];
        using Tensor host = cost.detach().to(ScalarType.Float64).cpu().contiguous();
        ReadOnlySpan<double> all = host.data<double>().ToArray();
        var result = new long[b * s];
        var assignment = new int[s];
        var work = new HungarianMatcher.Workspace(s);
        for (int e = 0; e < b; e++)
        {
            HungarianMatcher.Match(all.Slice(e * s * s, s * s), s, assignment, work);
            for (int i = 0; i < s; i++)
            {
                result[(e * s) + i] = assignment[i];
            }
        }

        return result;
    }

    /// <summary>
    /// The loss per event (B): mean matched cost over the filled slots + mean over the empty slots (a
    /// part with no slots adds 0). Differentiable through the matched entries.
    /// </summary>
    public static Tensor MatchedPerEvent(Tensor cost, Tensor presence)
    {
        ArgumentNullException.ThrowIfNull(cost);
        ArgumentNullException.ThrowIfNull(presence);
        using var scope = torch.NewDisposeScope();
        long b = cost.shape[0], s = cost.shape[1];
        Tensor index = torch.tensor(Assign(cost), [b, s, 1], device: cost.device);
        Tensor matched = cost.gather(2, index).squeeze(2);                                       // (B, So)
        Tensor filled = presence.gather(1, index.squeeze(2));                                    // whether output i's slot is filled
        Tensor filledCount = filled.sum(1), emptyCount = (1 - filled).sum(1);
        Tensor perFilled = (matched * filled).sum(1) / filledCount.clamp_min(1);
        Tensor perEmpty = (matched * (1 - filled)).sum(1) / emptyCount.clamp_min(1);
        return (perFilled + perEmpty).MoveToOuterDisposeScope();
    }
}
