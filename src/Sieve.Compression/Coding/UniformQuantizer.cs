namespace Sieve.Compression.Coding;

/// <summary>
/// Uniform scalar quantisation per dimension: symbol q = round((x - offset) / step), reconstruction
/// offset + q * step (the mid-point of q's cell), so |x - reconstruction| &lt;= step / 2.
/// </summary>
/// <remarks>
/// This is the "quantise + entropy coder" baseline and the front end for coding latents. Choose
/// the step from the error you may afford: <see cref="StepForMaxError"/> for a hard bound,
/// <see cref="StepForRms"/> for an RMS target (uniform quantisation error on smooth data is
/// uniform on [-step/2, step/2], whose RMS is step / sqrt(12)). Rounding is half-up
/// (floor(t + 0.5)) so results do not depend on banker's rounding.
/// </remarks>
public sealed class UniformQuantizer
{
    private readonly double[] _steps;
    private readonly double[] _offsets;

    /// <summary>Creates a quantiser with one step and one offset per dimension.</summary>
    /// <exception cref="ArgumentException">Lengths differ or are 0, a step is not finite and positive, or an offset is not finite.</exception>
    public UniformQuantizer(IReadOnlyList<double> steps, IReadOnlyList<double> offsets)
    {
        if (steps.Count == 0 || steps.Count != offsets.Count)
        {
            throw new ArgumentException($"Need one step and one offset per dimension, got {steps.Count} steps and {offsets.Count} offsets (at least 1).", nameof(steps));
        }

        for (int d = 0; d < steps.Count; d++)
        {
            if (!double.IsFinite(steps[d]) || steps[d] <= 0)
            {
                throw new ArgumentOutOfRangeException(nameof(steps), $"Step of dimension {d} is {steps[d]}; it must be finite and > 0.");
            }

            if (!double.IsFinite(offsets[d]))
            {
                throw new ArgumentOutOfRangeException(nameof(offsets), $"Offset of dimension {d} is {offsets[d]}; it must be finite.");
            }
        }

        _steps = [.. steps];
        _offsets = [.. offsets];
    }

    /// <summary>Number of dimensions (columns).</summary>
    public int Dims => _steps.Length;

    /// <summary>Step per dimension.</summary>
    public IReadOnlyList<double> Steps => _steps;

    /// <summary>Offset per dimension (the value that maps to symbol 0).</summary>
    public IReadOnlyList<double> Offsets => _offsets;

    /// <summary>The same step and offset for every one of <paramref name="dims"/> dimensions.</summary>
    public static UniformQuantizer Uniform(int dims, double step, double offset = 0) =>
        dims < 1
            ? throw new ArgumentOutOfRangeException(nameof(dims), $"Dimension count {dims} must be >= 1.")
            : new UniformQuantizer(Enumerable.Repeat(step, dims).ToArray(), Enumerable.Repeat(offset, dims).ToArray());

    /// <summary>Step whose quantisation error has RMS <paramref name="targetRms"/>: targetRms * sqrt(12).</summary>
    public static double StepForRms(double targetRms) =>
        double.IsFinite(targetRms) && targetRms > 0
            ? targetRms * Math.Sqrt(12)
            : throw new ArgumentOutOfRangeException(nameof(targetRms), $"Target RMS {targetRms} must be finite and > 0.");

    /// <summary>Step whose quantisation error never exceeds <paramref name="maxAbs"/>: 2 * maxAbs.</summary>
    public static double StepForMaxError(double maxAbs) =>
        double.IsFinite(maxAbs) && maxAbs > 0
            ? 2 * maxAbs
            : throw new ArgumentOutOfRangeException(nameof(maxAbs), $"Maximum error {maxAbs} must be finite and > 0.");

    /// <summary>Quantises (N, D) row-major values to N * D symbols.</summary>
    /// <exception cref="ArgumentException">The length is not a multiple of <see cref="Dims"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A value is not finite or its symbol would not fit an int.</exception>
    public int[] Quantize(ReadOnlySpan<double> values)
    {
        RequireShape(values.Length, nameof(values));
        var symbols = new int[values.Length];
        int dims = Dims;
        for (int i = 0; i < values.Length; i++)
        {
            int d = i % dims;
            double q = Math.Floor((values[i] - _offsets[d]) / _steps[d] + 0.5);
            if (!(q >= int.MinValue && q <= int.MaxValue))
            {
                throw new ArgumentOutOfRangeException(nameof(values),
                    $"Cannot quantise the value {values[i]} at row {i / dims}, dimension {d}: with step {_steps[d]} and offset {_offsets[d]} " +
                    $"its symbol is {q}, outside the int range; values must be finite and within " +
                    $"[{_offsets[d] + (int.MinValue * _steps[d])}, {_offsets[d] + (int.MaxValue * _steps[d])}]. Use a larger step or check the input.");
            }

            symbols[i] = (int)q;
        }

        return symbols;
    }

    /// <summary>Reconstructs (N, D) row-major values from symbols: offset + symbol * step.</summary>
    /// <exception cref="ArgumentException">The length is not a multiple of <see cref="Dims"/>.</exception>
    public double[] Dequantize(ReadOnlySpan<int> symbols)
    {
        RequireShape(symbols.Length, nameof(symbols));
        var values = new double[symbols.Length];
        int dims = Dims;
        for (int i = 0; i < symbols.Length; i++)
        {
            int d = i % dims;
            values[i] = _offsets[d] + (symbols[i] * _steps[d]);
        }

        return values;
    }

    private void RequireShape(int length, string name)
    {
        if (length % Dims != 0)
        {
            throw new ArgumentException($"{length} values do not form rows of {Dims} dimensions.", name);
        }
    }
}
