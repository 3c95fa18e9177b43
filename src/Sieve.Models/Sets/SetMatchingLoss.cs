using TorchSharp;
using static TorchSharp.torch;

namespace Sieve.Models.Sets;

/// <summary>
/// The permutation-invariant loss of a set autoencoder. Emitted object i and input slot j cost, when
/// slot j holds an object, the mean squared difference of their features + the cross-entropy of i's
/// kind logits against j's kind + -log p_i(present); when slot j is empty, -log(1 - p_i(present)).
/// Each event's emitted objects are matched one to one to its slots at the least total cost (Hungarian
/// method on the detached costs), and the event's loss is the mean cost of the matched pairs. Gradients
/// flow through the matched costs, as in the matched-MSE set autoencoders of the field.
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

    /// <summary>The mean matched cost per event (B), differentiable through the matched entries.</summary>
    public static Tensor MatchedPerEvent(Tensor cost)
    {
        ArgumentNullException.ThrowIfNull(cost);
        using var scope = torch.NewDisposeScope();
        long b = cost.shape[0], s = cost.shape[1];
        Tensor index = torch.tensor(Assign(cost), [b, s, 1], device: cost.device);
        Tensor matched = cost.gather(2, index).squeeze(2);                                       // (B, So)
        return matched.mean([1L]).MoveToOuterDisposeScope();
    }
}
