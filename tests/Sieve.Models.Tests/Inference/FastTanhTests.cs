using Sieve.Models.Inference;

namespace Sieve.Models.Tests.Inference;

public class FastTanhTests
{
    [Fact]
    public void Agrees_with_math_tanh_to_five_float_ulps_over_the_whole_range()
    {
        // Every 97th float bit pattern between -10 and 10 (about 22 million values), vector and scalar paths.
        var values = new List<float>();
        for (uint bits = 0; bits < 0x41200000u; bits += 97)
        {
            float v = BitConverter.UInt32BitsToSingle(bits);
            values.Add(v);
            values.Add(-v);
        }

        float[] input = [.. values];
        float[] output = (float[])input.Clone();
        FastTanh.InPlace(output);
        // Below 1e-30 (subnormal ulps) the error is measured relative to the value.
        double worstUlps = 0, worstRelative = 0;
        float at = 0;
        for (int i = 0; i < input.Length; i++)
        {
            double exact = Math.Tanh(input[i]);
            if (Math.Abs(input[i]) < 1e-30)
            {
                worstRelative = Math.Max(worstRelative, exact == 0 ? Math.Abs(output[i]) : Math.Abs(output[i] - exact) / Math.Abs(exact));
            }
            else
            {
                double ulp = MathF.BitIncrement((float)Math.Abs(exact)) - (float)Math.Abs(exact);
                double ulps = Math.Abs(output[i] - exact) / ulp;
                if (ulps > worstUlps)
                {
                    (worstUlps, at) = (ulps, input[i]);
                }
            }

            Assert.Equal(output[i], FastTanh.Of(input[i]), 0f);
        }

        Assert.True(worstUlps <= 5, $"worst error {worstUlps:F2} float ulps at {at}");
        Assert.True(worstRelative <= 1e-7, $"worst relative error below 1e-30: {worstRelative}");
    }

    [Fact]
    public void Is_odd_bounded_and_exact_at_zero()
    {
        float[] v = [0f, -0f, 1e-30f, 50f, -50f, float.MaxValue, -float.MaxValue];
        FastTanh.InPlace(v);
        Assert.Equal(0f, v[0]);
        Assert.Equal(1e-30f, v[2], 1e-36f);
        Assert.True(v[3] <= 1 && v[3] > 0.999999f);
        Assert.Equal(-v[3], v[4]);
        Assert.True(v[5] <= 1 && v[6] >= -1);
    }
}
