using System.Globalization;
using Sieve.Compression.Coding;
using Sieve.Core.Metrics;
using Sieve.Core.Normalisation;
using Sieve.Core.Tables;

namespace Sieve.Pipeline;

/// <summary>
/// One feature being quantised: its values, its transform without the step, and the RMS error a
/// step gives, measured as `sieve evaluate` measures it (relative for energy-like targets given in
/// %, over the rows the evaluation counts; azimuths wrapped). With a baseline (an autoencoder's
/// output) the indices are corrections: value = g^-1(g(baseline) + index * step).
/// </summary>
internal sealed class FeatureColumn
{
    private readonly double[] _values;
    private readonly double[] _transformed; // g(x) - g(baseline) with step 1 (no baseline: g(x))
    private readonly double[] _base; // g(baseline) with step 1; empty without a baseline
    private readonly FeatureTransform _transform;
    private readonly bool _relative;
    private readonly double _minimum;
    private readonly Quantiser _kind;
    private readonly bool[] _counted;
    private readonly string _name;
    private readonly double _largest; // largest |g(x) - g(baseline)| with step 1: what sets the finest step
    private readonly double _printScale; // file units per table unit, for the digits a decompressed file holds

    /// <param name="mask">(N, F) presence mask: absent cells (slot padding, missing values) are left at the baseline and not counted.</param>
    /// <param name="firstRow">Index in the whole input of the table's first row (a chunk's), for messages.</param>
    public FeatureColumn(FeatureTable table, int feature, FeatureTransform transform, bool relative, double energyScaleToGeV, Quantiser kind, string path,
        double[]? baseline = null, IReadOnlyList<float>? mask = null, VariableKinds? kinds = null, bool eventOutput = false, long firstRow = 0)
    {
        // The writer's unit follows the layout's field names (E, pt, met_pt in MeV), not declared kinds.
        _printScale = PrintedPrecision.PrintScale(eventOutput, VariableRoles.Classify(table.FeatureNames[feature]));
        _name = table.FeatureNames[feature];
        _values = [.. table.Column(feature)];
        _transform = transform with { Scale = 1 };
        _relative = relative;
        _minimum = relative && (kinds ?? VariableKinds.Patterns).IsMass(table.FeatureNames[feature]) ? 1.0 / energyScaleToGeV : 0;
        _kind = kind;
        _transformed = new double[_values.Length];
        for (int r = 0; r < _values.Length; r++)
        {
            double y = _transform.Apply(_values[r]);
            if (!double.IsFinite(y))
            {
                throw new Core.Errors.SieveDataException(path, null, table.FeatureNames[feature], $"row {firstRow + r + 1}: value {_values[r]} cannot be quantised", _transform.Domain);
            }

            _transformed[r] = y;
        }

        _base = [];
        if (baseline is not null)
        {
            _base = new double[_values.Length];
            for (int r = 0; r < _values.Length; r++)
            {
                double b = _transform.Apply(baseline[(r * table.FeatureCount) + feature]);
                if (!double.IsFinite(b))
                {
                    throw new InvalidDataException($"{table.FeatureNames[feature]}: the decoder's output at row {r + 1} is {baseline[(r * table.FeatureCount) + feature]}, which cannot be corrected");
                }

                _base[r] = b;

                // Azimuths: correct the wrapped difference, so a decoder that lands near +pi for a true -pi costs nothing.
                _transformed[r] = _transform.Periodic ? Core.Events.Kinematics.WrapPhi(_transformed[r] - b) : _transformed[r] - b;
            }
        }

        _counted = new bool[_values.Length];
        for (int r = 0; r < _values.Length; r++)
        {
            _counted[r] = mask is null || mask[(r * table.FeatureCount) + feature] > 0;
            if (!_counted[r] && _base.Length > 0)
            {
                // Nothing to correct where there is no value: the decoder's output stands (and costs ~nothing).
                _transformed[r] = 0;
            }

            _largest = Math.Max(_largest, Math.Abs(_transformed[r]));
        }
    }

    // Scaled values must stay below half the archive's integer range: the trellis may add a step or two.
    private const double IndexLimit = Compression.Archive.ArchiveFormat.MaxIntegerLatent / 2;

    /// <summary>
    /// The finest step whose indices fit the archive's integers (|index| below 2^23 before the
    /// trellis); 0 when every value is 0. No smaller step can be stored.
    /// </summary>
    public double FinestStep => _largest * (1 + 1e-9) / IndexLimit;

    /// <summary>
    /// The error for a target no step can meet: the finest storable step's RMS is above it. Worded
    /// like the bound check of --max-error, so both paths explain the same limit the same way.
    /// </summary>
    public ArgumentException TooSmall(string option, string target)
    {
        double reachable = Rms(FinestStep).Rms;
        return new ArgumentException(string.Create(CultureInfo.InvariantCulture,
            $"{_name}: {option} {_name}={target} needs more than {IndexLimit:F0} quantisation steps; the target is too small for this range (the finest step the archive can store reaches an RMS of {reachable:G3}). Give a larger target, or leave {_name} out of the features to keep it losslessly."));
    }

    /// <summary>Indices for <paramref name="step"/> and the RMS error of their reconstruction.</summary>
    /// <param name="asWritten">Measure the values as a decompressed file holds them (rounded to <see cref="PrintedPrecision"/>), as `sieve evaluate` reads them back; for the final check.</param>
    public (double Rms, int[] Indices) Rms(double step, bool asWritten = false)
    {
        (double sum, long count, int[] indices) = Quantize(step, asWritten);
        return (count == 0 ? 0 : Math.Sqrt(sum / count), indices);
    }

    /// <summary>
    /// Indices for <paramref name="step"/>, with the sum of squared errors and the number of values
    /// counted, so errors of chunks add up to the whole input's; no indices (and an infinite sum)
    /// when the step is too fine for the archive's integers.
    /// </summary>
    public (double SquaredErrors, long Counted, int[] Indices) Quantize(double step, bool asWritten = false)
    {
        var scaled = new double[_transformed.Length];
        for (int r = 0; r < scaled.Length; r++)
        {
            scaled[r] = _transformed[r] / step;
            if (Math.Abs(scaled[r]) >= IndexLimit)
            {
                // Too many steps for the archive's integers: report a miss so the search takes a larger step.
                return (double.PositiveInfinity, 1, []);
            }
        }

        int[] indices = _kind == Quantiser.Trellis
            ? TrellisQuantizer.Quantize(scaled)
            : [.. scaled.Select(y => (int)Math.Round(y, MidpointRounding.AwayFromZero))];
        FeatureTransform transform = _transform with { Scale = step };
        double sum = 0;
        long count = 0;
        for (int r = 0; r < indices.Length; r++)
        {
            double truth = _values[r];
            if (!_counted[r] || (_relative && !(Math.Abs(truth) > _minimum)))
            {
                continue;
            }

            double reco = transform.Invert(_base.Length == 0 ? indices[r] : (_base[r] / step) + indices[r]);
            if (asWritten)
            {
                reco = PrintedPrecision.Round(reco, PrintedPrecision.Resolution(transform, reco), _printScale);
            }

            double d = _relative ? (reco - truth) / truth : transform.Periodic ? Core.Events.Kinematics.WrapPhi(reco - truth) : reco - truth;
            sum += d * d;
            count++;
        }

        return (sum, count, indices);
    }
}
