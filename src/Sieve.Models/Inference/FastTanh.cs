using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Sieve.Models.Inference;

/// <summary>
/// tanh over spans of floats as a 13/6 odd rational function of x on [-7.9053, 7.9053] (beyond
/// it tanh is 1 to float precision), the approximation that Eigen and XNNPACK use: a few fused
/// multiply-adds and one division per value, about 15x faster here than
/// TensorPrimitives.Tanh, which goes through an exponential. The error is at most 5 float ulps
/// (4.3 at x = 4.79, 2.6e-7 absolute), checked against Math.Tanh on 22 million floats in the tests.
/// </summary>
internal static class FastTanh
{
    private const float Clamp = 7.90531110763549805f;

    // Below 2^-12, tanh(x) = x - x^3/3 rounds to x in float; the rational's subnormal products would not.
    private const float Linear = 1f / 4096;
    private const float A1 = 4.89352455891786e-03f, A3 = 6.37261928875436e-04f, A5 = 1.48572235717979e-05f, A7 = 5.12229709037114e-08f;
    private const float A9 = -8.60467152213735e-11f, A11 = 2.00018790482477e-13f, A13 = -2.76076847742355e-16f;
    private const float B0 = 4.89352518554385e-03f, B2 = 2.26843463243900e-03f, B4 = 1.18534705686654e-04f, B6 = 1.19825839466702e-06f;

    /// <summary>values[i] = tanh(values[i]).</summary>
    public static void InPlace(Span<float> values)
    {
        int done = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            // Twice the lanes of Vector<float> (which stays 256 bits wide on AVX-512 machines).
            Span<Vector512<float>> wide = MemoryMarshal.Cast<float, Vector512<float>>(values);
            for (int i = 0; i < wide.Length; i++)
            {
                wide[i] = Of(wide[i]);
            }

            done = wide.Length * Vector512<float>.Count;
        }

        Span<Vector<float>> vectors = MemoryMarshal.Cast<float, Vector<float>>(values[done..]);
        for (int i = 0; i < vectors.Length; i++)
        {
            vectors[i] = Of(vectors[i]);
        }

        for (int k = done + (vectors.Length * Vector<float>.Count); k < values.Length; k++)
        {
            values[k] = Of(values[k]);
        }
    }

    /// <summary>tanh of each lane of a 512-bit vector.</summary>
    public static Vector512<float> Of(Vector512<float> input)
    {
        Vector512<float> x = Vector512.Min(Vector512.Max(input, Vector512.Create(-Clamp)), Vector512.Create(Clamp));
        Vector512<float> x2 = x * x;
        Vector512<float> p = Vector512.FusedMultiplyAdd(x2, Vector512.Create(A13), Vector512.Create(A11));
        p = Vector512.FusedMultiplyAdd(x2, p, Vector512.Create(A9));
        p = Vector512.FusedMultiplyAdd(x2, p, Vector512.Create(A7));
        p = Vector512.FusedMultiplyAdd(x2, p, Vector512.Create(A5));
        p = Vector512.FusedMultiplyAdd(x2, p, Vector512.Create(A3));
        p = Vector512.FusedMultiplyAdd(x2, p, Vector512.Create(A1));
        p *= x;
        Vector512<float> q = Vector512.FusedMultiplyAdd(x2, Vector512.Create(B6), Vector512.Create(B4));
        q = Vector512.FusedMultiplyAdd(x2, q, Vector512.Create(B2));
        q = Vector512.FusedMultiplyAdd(x2, q, Vector512.Create(B0));
        return Vector512.ConditionalSelect(Vector512.LessThan(Vector512.Abs(input), Vector512.Create(Linear)), input, p / q);
    }

    /// <summary>tanh of each lane.</summary>
    public static Vector<float> Of(Vector<float> input)
    {
        Vector<float> x = Vector.Min(Vector.Max(input, new Vector<float>(-Clamp)), new Vector<float>(Clamp));
        Vector<float> x2 = x * x;
        Vector<float> p = Vector.FusedMultiplyAdd(x2, new Vector<float>(A13), new Vector<float>(A11));
        p = Vector.FusedMultiplyAdd(x2, p, new Vector<float>(A9));
        p = Vector.FusedMultiplyAdd(x2, p, new Vector<float>(A7));
        p = Vector.FusedMultiplyAdd(x2, p, new Vector<float>(A5));
        p = Vector.FusedMultiplyAdd(x2, p, new Vector<float>(A3));
        p = Vector.FusedMultiplyAdd(x2, p, new Vector<float>(A1));
        p *= x;
        Vector<float> q = Vector.FusedMultiplyAdd(x2, new Vector<float>(B6), new Vector<float>(B4));
        q = Vector.FusedMultiplyAdd(x2, q, new Vector<float>(B2));
        q = Vector.FusedMultiplyAdd(x2, q, new Vector<float>(B0));
        return Vector.ConditionalSelect(Vector.LessThan(Vector.Abs(input), new Vector<float>(Linear)), input, p / q);
    }

    /// <summary>tanh of one value, by the same formula.</summary>
    public static float Of(float x)
    {
        if (MathF.Abs(x) < Linear)
        {
            return x;
        }

        x = Math.Clamp(x, -Clamp, Clamp);
        float x2 = x * x;
        float p = MathF.FusedMultiplyAdd(x2, A13, A11);
        p = MathF.FusedMultiplyAdd(x2, p, A9);
        p = MathF.FusedMultiplyAdd(x2, p, A7);
        p = MathF.FusedMultiplyAdd(x2, p, A5);
        p = MathF.FusedMultiplyAdd(x2, p, A3);
        p = MathF.FusedMultiplyAdd(x2, p, A1);
        p *= x;
        float q = MathF.FusedMultiplyAdd(x2, B6, B4);
        q = MathF.FusedMultiplyAdd(x2, q, B2);
        q = MathF.FusedMultiplyAdd(x2, q, B0);
        return p / q;
    }
}
