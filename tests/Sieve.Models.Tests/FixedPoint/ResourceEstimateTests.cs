using Sieve.Models.Autoencoders;
using Sieve.Models.FixedPoint;
using Sieve.Models.Inference;

namespace Sieve.Models.Tests.FixedPoint;

/// <summary>The resource counts of the Level-1 shape 57-32-16-3, worked out by hand in the comments.</summary>
public class ResourceEstimateTests
{
    private static DenseNetworkWeights Chain(params int[] widths) => new([.. widths.Zip(widths.Skip(1), (i, o) =>
        new DenseLayerWeights(i, o, new float[i * o], new float[o], ActivationKind.Relu))]);

    private static readonly AutoencoderWeights Ae = new(Chain(57, 32, 16, 3), Chain(3, 16, 32, 57));

    [Fact]
    public void Counts_multiplications_and_weight_bits_exactly()
    {
        ResourceEstimate e = ResourceEstimate.Of(Ae, totalBits: 16);
        // 57*32 + 32*16 + 16*3 = 2384 each way.
        Assert.Equal(4768, e.Multiplications);
        // (4768 weights + 156 biases) x 16 bits.
        Assert.Equal((4768 + 32 + 16 + 3 + 16 + 32 + 57) * 16, e.WeightBits);
        Assert.Equal(4768, e.Multipliers); // reuse factor 1: one multiplier per product
        // Per layer R + ceil(log2 n_in) + 1: n_in 57, 32, 16, 3, 16, 32 -> 8 + 7 + 6 + 4 + 6 + 7.
        Assert.Equal(38, e.LatencyCycles);
    }

    [Fact]
    public void A_reuse_factor_shares_multipliers_and_adds_cycles()
    {
        ResourceEstimate e = ResourceEstimate.Of(Ae, totalBits: 8, reuseFactor: 4);
        // ceil(1824 / 4) + ceil(512 / 4) + ceil(48 / 4), twice.
        Assert.Equal(2 * (456 + 128 + 12), e.Multipliers);
        Assert.Equal(38 + (6 * 3), e.LatencyCycles);
        Assert.Equal(4768, e.Multiplications);
    }

    [Fact]
    public void The_encoder_alone_counts_the_log_variance_head_but_no_decoder()
    {
        var vae = new AutoencoderWeights(Chain(57, 32, 16, 3), Chain(3, 16, 32, 57), new DenseLayerWeights(16, 3, new float[48], new float[3], null));
        ResourceEstimate e = ResourceEstimate.Of(vae, totalBits: 16, encoderOnly: true);
        Assert.Equal(2384 + 48, e.Multiplications);
        Assert.Equal(8 + 7 + 6, e.LatencyCycles); // the head runs beside the mean head
    }
}
