using Sieve.Models.Autoencoders;

namespace Sieve.Models.FixedPoint;

/// <summary>
/// A lookup-table activation as hls4ml's <c>nnet_activation.h</c> builds and reads it: <see cref="Size"/>
/// entries in the table type, each the function at an equally spaced input, and an index computed from
/// the input's exact value.
/// </summary>
/// <remarks>
/// What is matched, per function (N = table size, x the input as an exact fixed-point value):
/// <list type="bullet">
/// <item>tanh: entry i = tanh(8 (i - N/2) / N) over [-4, 4); index = trunc(x N / 8) + N/2, clamped to [0, N-1].</item>
/// <item>sigmoid: entry i = 1 / (1 + e^-v), v = 16 (i - N/2) / N over [-8, 8); index = trunc(x N / 16) + N/2, clamped.</item>
/// <item>ELU (x &lt; 0 only): entry i = e^v - 1, v = -8 i / N over (-8, 0]; index = trunc(x N / -8), at most N-1.</item>
/// </list>
/// trunc rounds toward zero, as C++'s conversion of the fixed-point quotient to int does: so the entry
/// for 0 serves (-8/N, 8/N) for tanh. The entry inputs are formed in double and stored as float, as the
/// C++ does; tanh is evaluated in double (the global <c>tanh</c> of math.h that hls4ml's call resolves
/// to), sigmoid and ELU in float (hls4ml's <c>std::exp(float)</c>) and each result converted into the
/// table type under its quantisation mode (AP_TRN by default). .NET's <c>MathF.Exp</c> / <c>Math.Tanh</c>
/// may differ from a C library's in the last bit of a float; an entry changes only if that bit decides
/// a truncation to 10 fraction bits.
/// </remarks>
public sealed class LookupTable
{
    private readonly long[] _entries;

    private LookupTable(ActivationKind function, ApFixedFormat format, long[] entries)
    {
        Function = function;
        Format = format;
        _entries = entries;
    }

    /// <summary>The tabulated function: <see cref="ActivationKind.Tanh"/>, <see cref="ActivationKind.Elu"/>, or sigmoid (<see cref="ActivationKind.Silu"/> reads a sigmoid table).</summary>
    public ActivationKind Function { get; }

    /// <summary>Type of the entries (hls4ml's table_t).</summary>
    public ApFixedFormat Format { get; }

    /// <summary>Number of entries.</summary>
    public int Size => _entries.Length;

    /// <summary>Raw entries in <see cref="Format"/>.</summary>
    public ReadOnlySpan<long> Entries => _entries;

    /// <summary>Builds the table of <paramref name="function"/> (tanh, ELU; SiLU gets the sigmoid table) with <paramref name="size"/> entries.</summary>
    public static LookupTable Build(ActivationKind function, ApFixedFormat format, int size)
    {
        ArgumentNullException.ThrowIfNull(format);
        var entries = new long[size];
        for (int i = 0; i < size; i++)
        {
            double value = function switch
            {
                ActivationKind.Tanh => Math.Tanh((float)(2 * 4.0 * (i - (size / 2.0)) / size)),
                ActivationKind.Silu => Sigmoid((float)(2 * 8.0 * (i - (size / 2.0)) / size)),
                ActivationKind.Elu => (float)(MathF.Exp((float)(-8.0 * i / size)) - 1.0),
                _ => throw new ArgumentException($"{function} is not computed from a lookup table.", nameof(function)),
            };
            entries[i] = format.Quantise(value);
        }

        return new LookupTable(function, format, entries);
    }

    /// <summary>The index the table is read at for the input raw value <paramref name="raw"/> with <paramref name="fractionBits"/> fraction bits.</summary>
    public int Index(long raw, int fractionBits)
    {
        int size = _entries.Length;
        switch (Function)
        {
            case ActivationKind.Tanh:
                return (int)Math.Clamp(TruncatedScale(raw, fractionBits, size / 8) + (size / 2), 0, size - 1);
            case ActivationKind.Silu:
                return (int)Math.Clamp(TruncatedScale(raw, fractionBits, size / 16) + (size / 2), 0, size - 1);
            default:
                // ELU reads the table only for x < 0, at trunc(x N / -8) >= 0.
                return (int)Math.Min(TruncatedScale(-(Int128)raw, fractionBits, size / 8), size - 1);
        }
    }

    /// <summary>The entry (raw, in <see cref="Format"/>) for an input.</summary>
    public long Lookup(long raw, int fractionBits) => _entries[Index(raw, fractionBits)];

    // sigmoid_fcn_float: 1.0 / (1 + std::exp(-x)) with a float exponential and sum, a double quotient, returned as float.
    private static float Sigmoid(float x) => (float)(1.0 / (1f + MathF.Exp(-x)));

    // trunc(raw x 2^-F x scale) toward zero, exactly; clamped far outside any table (only the clamp matters there).
    private static long TruncatedScale(Int128 raw, int fractionBits, int scale)
    {
        Int128 scaled = raw * scale;
        Int128 value = fractionBits >= 0
            ? scaled / (Int128.One << Math.Min(fractionBits, 120))
            : scaled << Math.Min(-fractionBits, 40);
        return (long)Int128.Clamp(value, -(1L << 40), 1L << 40);
    }
}
