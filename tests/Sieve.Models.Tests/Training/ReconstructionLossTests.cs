using Sieve.Models.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Sieve.Models.Tests.Training;

public class ReconstructionLossTests
{
    [Fact]
    public void Masked_cells_change_nothing_on_either_side()
    {
        using Tensor target = torch.tensor(new float[] { 1, 2, 0, 0, 3, 4, 5, 0 }, [2, 4]);
        using Tensor reco = torch.tensor(new float[] { 1.5f, 2, 9, -9, 3, 3, 5, 7 }, [2, 4]);
        using Tensor mask = torch.tensor(new float[] { 1, 1, 0, 0, 1, 1, 1, 0 }, [2, 4]);
        using Tensor w = torch.ones(4);
        float loss = ReconstructionLoss.Compute(reco, target, w, mask).item<float>();

        // By hand: squared errors of present cells 0.25, 0, 0, 1, 0 over 5 present cells.
        Assert.Equal(1.25f / 5, loss, 6);

        using Tensor otherReco = reco.clone();
        otherReco[0, 2] = torch.tensor(1000f);
        using Tensor otherTarget = target.clone();
        otherTarget[1, 3] = torch.tensor(-55f);
        Assert.Equal(loss, ReconstructionLoss.Compute(otherReco, otherTarget, w, mask).item<float>());
    }

    [Fact]
    public void Without_a_mask_it_is_the_weighted_mean_squared_error()
    {
        using Tensor target = torch.zeros(2, 2);
        using Tensor reco = torch.tensor(new float[] { 1, 2, 3, 4 }, [2, 2]);
        using Tensor w = torch.tensor(new float[] { 0.5f, 1.5f });
        // (0.5*1 + 1.5*4 + 0.5*9 + 1.5*16) / 4 = 35 / 4
        Assert.Equal(35f / 4, ReconstructionLoss.Compute(reco, target, w, null).item<float>(), 5);
        // A full mask gives the same number.
        using Tensor ones = torch.ones(2, 2);
        Assert.Equal(35f / 4, ReconstructionLoss.Compute(reco, target, w, ones).item<float>(), 5);
    }
}
