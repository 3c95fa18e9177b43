using TorchSharp;
using static TorchSharp.torch;

namespace Sieve.Models.FixedPoint;

/// <summary>
/// Quantisation-aware training of weights with the straight-through estimator: for a step, every
/// parameter of a module is replaced by its value in a fixed-point type (exactly as
/// <see cref="ApFixedFormat.Quantise(double)"/> converts it), the loss and its gradients are computed
/// there, and the float parameters are put back before the optimiser applies the gradients to them.
/// </summary>
/// <remarks>
/// Only weights and biases are quantised (activations stay float in training; the fixed-point
/// emulation quantises them at inference). Computed in float64, so the grid and the modes are exact;
/// the quantised values are exact in float32 for types of at most 24 bits.
/// </remarks>
public sealed class FakeQuantisation : IDisposable
{
    private readonly List<(Tensor Parameter, Tensor Float)> _saved = [];

    private FakeQuantisation(nn.Module module, ApFixedFormat format)
    {
        using var noGrad = torch.no_grad();
        foreach (Tensor p in module.parameters())
        {
            Tensor saved = p.detach().clone().DetachFromDisposeScope();
            _saved.Add((p, saved));
            using Tensor q = Quantise(p, format);
            p.copy_(q);
        }
    }

    /// <summary>Puts the fixed-point values of <paramref name="format"/> into every parameter of <paramref name="module"/> until disposed.</summary>
    public static FakeQuantisation SwapIn(nn.Module module, ApFixedFormat format)
    {
        ArgumentNullException.ThrowIfNull(module);
        ArgumentNullException.ThrowIfNull(format);
        return new FakeQuantisation(module, format);
    }

    /// <summary>The values of <paramref name="values"/> in <paramref name="format"/> (same shape and dtype).</summary>
    public static Tensor Quantise(Tensor values, ApFixedFormat format)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(format);
        using var scope = torch.NewDisposeScope();
        Tensor s = values.to(ScalarType.Float64) * Math.ScaleB(1.0, format.FractionBits);       // exact: a power of two
        Tensor floor = s.floor();
        Tensor negative = s.lt(0);
        Tensor n = format.Quantisation switch
        {
            QuantisationMode.Truncate => floor,
            QuantisationMode.TruncateToZero => s.trunc(),
            QuantisationMode.Round => (s + 0.5).floor(),
            QuantisationMode.RoundToMinusInfinity => (s - 0.5).ceil(),
            QuantisationMode.RoundToZero => torch.where(negative, (s + 0.5).floor(), (s - 0.5).ceil()),
            QuantisationMode.RoundToInfinity => torch.where(negative, (s - 0.5).ceil(), (s + 0.5).floor()),
            QuantisationMode.RoundConvergent => s.round(),                                    // torch rounds half to even
            _ => throw new ArgumentOutOfRangeException(nameof(format)),
        };
        double min = format.MinRaw, max = format.MaxRaw;
        Tensor inRange = n.ge(min).logical_and(n.le(max));
        Tensor folded = format.Overflow switch
        {
            OverflowMode.Wrap => (n - min).remainder(Math.ScaleB(1.0, format.Width)) + min,
            OverflowMode.Saturate => n.clamp(min, max),
            OverflowMode.SaturateSymmetric => torch.where(inRange, n, n.clamp(format.Signed ? -max : min, max)),
            OverflowMode.SaturateToZero => torch.where(inRange, n, torch.zeros_like(n)),
            _ => throw new ArgumentOutOfRangeException(nameof(format)),
        };
        return (folded * Math.ScaleB(1.0, -format.FractionBits)).to(values.dtype).MoveToOuterDisposeScope();
    }

    /// <summary>Puts the float parameters back (their gradients stay).</summary>
    public void Dispose()
    {
        using (torch.no_grad())
        {
            foreach ((Tensor p, Tensor saved) in _saved)
            {
                p.copy_(saved);
                saved.Dispose();
            }
        }

        _saved.Clear();
    }
}
