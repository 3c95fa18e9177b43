using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Sieve.Models.Autoencoders;

namespace Sieve.Models.Inference;

/// <summary>
/// One dense layer laid out for the CPU's vector unit: weights transposed to (in, out) with the
/// outputs padded to a whole number of vectors, so a row's outputs are a few vector accumulators
/// that each input adds one broadcast multiply to. Four rows share every weight load. The padding
/// weights and biases are zero, so padded outputs are activation(0) = 0 for every activation
/// here and never leak into the next layer (which reads only the real outputs).
/// </summary>
internal sealed class DenseKernel
{
    private static readonly int Lanes = Vector<float>.Count;
    private readonly float[] transposed; // (InputSize, PaddedOutputs)
    private readonly float[] bias;       // (PaddedOutputs)

    public DenseKernel(DenseLayerWeights layer)
    {
        layer.Validate();
        InputSize = layer.InputSize;
        OutputSize = layer.OutputSize;
        Activation = layer.Activation;
        PaddedOutputs = (OutputSize + Lanes - 1) / Lanes * Lanes;
        transposed = new float[InputSize * PaddedOutputs];
        bias = new float[PaddedOutputs];
        for (int o = 0; o < OutputSize; o++)
        {
            bias[o] = layer.Bias[o];
            for (int i = 0; i < InputSize; i++)
            {
                transposed[(i * PaddedOutputs) + o] = layer.Weights[(o * InputSize) + i];
            }
        }
    }

    public int InputSize { get; }

    public int OutputSize { get; }

    /// <summary>Row stride of this layer's output: the outputs rounded up to whole vectors.</summary>
    public int PaddedOutputs { get; }

    public ActivationKind? Activation { get; }

    /// <summary>
    /// y[r, :] = activation(W x[r, :] + b) for <paramref name="rows"/> rows; x rows are
    /// <paramref name="inputStride"/> apart, y rows <see cref="PaddedOutputs"/> apart.
    /// </summary>
    public void Forward(ReadOnlySpan<float> x, int inputStride, int rows, Span<float> y)
    {
        int r = 0;
        for (; r + 4 <= rows; r += 4)
        {
            Rows4(x[(r * inputStride)..], inputStride, y[(r * PaddedOutputs)..]);
        }

        for (; r < rows; r++)
        {
            Row1(x[(r * inputStride)..], y[(r * PaddedOutputs)..]);
        }

        Activate(y[..(rows * PaddedOutputs)]);
    }

    // Four rows at a time; two output vectors per pass where the layer has them, so that eight
    // independent accumulators hide the FMA latency (one chain per accumulator).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Rows4(ReadOnlySpan<float> x, int stride, Span<float> y)
    {
        ref float w = ref MemoryMarshal.GetArrayDataReference(transposed);
        ref float b = ref MemoryMarshal.GetArrayDataReference(bias);
        ref float x0 = ref MemoryMarshal.GetReference(x);
        ref float x1 = ref Unsafe.Add(ref x0, stride);
        ref float x2 = ref Unsafe.Add(ref x0, 2 * stride);
        ref float x3 = ref Unsafe.Add(ref x0, 3 * stride);
        ref float y0 = ref MemoryMarshal.GetReference(y);
        int width = PaddedOutputs;
        int j = 0;
        for (; j + (2 * Lanes) <= width; j += 2 * Lanes)
        {
            Vector<float> bj = Vector.LoadUnsafe(ref b, (nuint)j), bk = Vector.LoadUnsafe(ref b, (nuint)(j + Lanes));
            Vector<float> a0 = bj, a1 = bj, a2 = bj, a3 = bj, c0 = bk, c1 = bk, c2 = bk, c3 = bk;
            for (int i = 0; i < InputSize; i++)
            {
                Vector<float> wi = Vector.LoadUnsafe(ref w, (nuint)((i * width) + j));
                Vector<float> wk = Vector.LoadUnsafe(ref w, (nuint)((i * width) + j + Lanes));
                var v0 = new Vector<float>(Unsafe.Add(ref x0, i));
                var v1 = new Vector<float>(Unsafe.Add(ref x1, i));
                var v2 = new Vector<float>(Unsafe.Add(ref x2, i));
                var v3 = new Vector<float>(Unsafe.Add(ref x3, i));
                a0 = Vector.FusedMultiplyAdd(wi, v0, a0);
                a1 = Vector.FusedMultiplyAdd(wi, v1, a1);
                a2 = Vector.FusedMultiplyAdd(wi, v2, a2);
                a3 = Vector.FusedMultiplyAdd(wi, v3, a3);
                c0 = Vector.FusedMultiplyAdd(wk, v0, c0);
                c1 = Vector.FusedMultiplyAdd(wk, v1, c1);
                c2 = Vector.FusedMultiplyAdd(wk, v2, c2);
                c3 = Vector.FusedMultiplyAdd(wk, v3, c3);
            }

            a0.StoreUnsafe(ref y0, (nuint)j);
            a1.StoreUnsafe(ref y0, (nuint)(width + j));
            a2.StoreUnsafe(ref y0, (nuint)((2 * width) + j));
            a3.StoreUnsafe(ref y0, (nuint)((3 * width) + j));
            c0.StoreUnsafe(ref y0, (nuint)(j + Lanes));
            c1.StoreUnsafe(ref y0, (nuint)(width + j + Lanes));
            c2.StoreUnsafe(ref y0, (nuint)((2 * width) + j + Lanes));
            c3.StoreUnsafe(ref y0, (nuint)((3 * width) + j + Lanes));
        }

        for (; j < width; j += Lanes)
        {
            Vector<float> bj = Vector.LoadUnsafe(ref b, (nuint)j);
            Vector<float> a0 = bj, a1 = bj, a2 = bj, a3 = bj;
            for (int i = 0; i < InputSize; i++)
            {
                Vector<float> wi = Vector.LoadUnsafe(ref w, (nuint)((i * width) + j));
                a0 = Vector.FusedMultiplyAdd(wi, new Vector<float>(Unsafe.Add(ref x0, i)), a0);
                a1 = Vector.FusedMultiplyAdd(wi, new Vector<float>(Unsafe.Add(ref x1, i)), a1);
                a2 = Vector.FusedMultiplyAdd(wi, new Vector<float>(Unsafe.Add(ref x2, i)), a2);
                a3 = Vector.FusedMultiplyAdd(wi, new Vector<float>(Unsafe.Add(ref x3, i)), a3);
            }

            a0.StoreUnsafe(ref y0, (nuint)j);
            a1.StoreUnsafe(ref y0, (nuint)(width + j));
            a2.StoreUnsafe(ref y0, (nuint)((2 * width) + j));
            a3.StoreUnsafe(ref y0, (nuint)((3 * width) + j));
        }
    }

    // One row: four output vectors per pass where there are four, for four independent chains.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Row1(ReadOnlySpan<float> x, Span<float> y)
    {
        ref float w = ref MemoryMarshal.GetArrayDataReference(transposed);
        ref float b = ref MemoryMarshal.GetArrayDataReference(bias);
        ref float xr = ref MemoryMarshal.GetReference(x);
        ref float y0 = ref MemoryMarshal.GetReference(y);
        int width = PaddedOutputs;
        int j = 0;
        for (; j + (4 * Lanes) <= width; j += 4 * Lanes)
        {
            Vector<float> a0 = Vector.LoadUnsafe(ref b, (nuint)j), a1 = Vector.LoadUnsafe(ref b, (nuint)(j + Lanes));
            Vector<float> a2 = Vector.LoadUnsafe(ref b, (nuint)(j + (2 * Lanes))), a3 = Vector.LoadUnsafe(ref b, (nuint)(j + (3 * Lanes)));
            for (int i = 0; i < InputSize; i++)
            {
                var v = new Vector<float>(Unsafe.Add(ref xr, i));
                nuint at = (nuint)((i * width) + j);
                a0 = Vector.FusedMultiplyAdd(Vector.LoadUnsafe(ref w, at), v, a0);
                a1 = Vector.FusedMultiplyAdd(Vector.LoadUnsafe(ref w, at + (nuint)Lanes), v, a1);
                a2 = Vector.FusedMultiplyAdd(Vector.LoadUnsafe(ref w, at + (nuint)(2 * Lanes)), v, a2);
                a3 = Vector.FusedMultiplyAdd(Vector.LoadUnsafe(ref w, at + (nuint)(3 * Lanes)), v, a3);
            }

            a0.StoreUnsafe(ref y0, (nuint)j);
            a1.StoreUnsafe(ref y0, (nuint)(j + Lanes));
            a2.StoreUnsafe(ref y0, (nuint)(j + (2 * Lanes)));
            a3.StoreUnsafe(ref y0, (nuint)(j + (3 * Lanes)));
        }

        for (; j < width; j += Lanes)
        {
            Vector<float> a = Vector.LoadUnsafe(ref b, (nuint)j);
            for (int i = 0; i < InputSize; i++)
            {
                a = Vector.FusedMultiplyAdd(Vector.LoadUnsafe(ref w, (nuint)((i * width) + j)), new Vector<float>(Unsafe.Add(ref xr, i)), a);
            }

            a.StoreUnsafe(ref y0, (nuint)j);
        }
    }

    private void Activate(Span<float> y)
    {
        switch (Activation)
        {
            case null:
                break;
            case ActivationKind.Tanh:
                FastTanh.InPlace(y);
                break;
            case ActivationKind.Relu:
                TensorPrimitives.Max(y, 0f, y);
                break;
            case ActivationKind.LeakyRelu:
                // max(v, 0.01 v) is v for v > 0 and 0.01 v below: leaky ReLU with slope 0.01 < 1.
                for (int k = 0; k < y.Length; k++)
                {
                    y[k] = MathF.Max(y[k], 0.01f * y[k]);
                }

                break;
            case ActivationKind.Elu:
                for (int k = 0; k < y.Length; k++)
                {
                    y[k] = y[k] > 0 ? y[k] : MathF.Exp(y[k]) - 1;
                }

                break;
            case ActivationKind.Silu:
                for (int k = 0; k < y.Length; k++)
                {
                    y[k] /= 1 + MathF.Exp(-y[k]);
                }

                break;
            default:
                throw new InvalidOperationException($"unknown activation {Activation}");
        }
    }
}
