using Sieve.Core.Metrics;
using Sieve.Core.Tables;

namespace Sieve.Pipeline;

/// <summary>
/// What the quantiser's step formulas need of each feature's values, gathered chunk by chunk: the
/// smallest counted |x| (a relative bound must hold down to it) and the mean of (1 + x0/|x|)^2
/// (the relative error's factor, for RMS targets), over the values the evaluation counts
/// (m &gt; 1 GeV, others |x| &gt; 0).
/// </summary>
internal sealed class StepStatistics
{
    private readonly double[] _minimum; // per feature: the smallest |x| that is counted (exclusive)
    private readonly double[] _x0;
    private readonly double[] _smallest;
    private readonly double[] _factorSum;
    private readonly long[] _counted;

    public StepStatistics(IReadOnlyList<string> featureNames, double energyScaleToGeV, VariableKinds kinds)
    {
        int dims = featureNames.Count;
        _minimum = [.. featureNames.Select(n => kinds.IsMass(n) ? 1.0 / energyScaleToGeV : 0)];
        _x0 = [.. featureNames.Select(_ => 0.1 / energyScaleToGeV)];
        _smallest = [.. Enumerable.Repeat(double.PositiveInfinity, dims)];
        _factorSum = new double[dims];
        _counted = new long[dims];
    }

    /// <summary>Adds the values of a table (a chunk) with the same features.</summary>
    public StepStatistics Add(FeatureTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        int dims = _counted.Length;
        for (int i = 0; i < table.Values.Length; i++)
        {
            int f = i % dims;
            double x = Math.Abs(table.Values[i]);
            if (x > _minimum[f])
            {
                _smallest[f] = Math.Min(_smallest[f], x);
                double factor = 1 + (_x0[f] / x);
                _factorSum[f] += factor * factor;
                _counted[f]++;
            }
        }

        return this;
    }

    /// <summary>The worst factor (1 + x0/|x|) of a relative bound: at the smallest counted value; 1 when none is counted.</summary>
    public double WorstFactor(int feature) => _counted[feature] == 0 ? 1 : 1 + (_x0[feature] / _smallest[feature]);

    /// <summary>The RMS factor sqrt(mean (1 + x0/|x|)^2) of a relative RMS target; 1 when none is counted.</summary>
    public double RmsFactor(int feature) => _counted[feature] == 0 ? 1 : Math.Sqrt(_factorSum[feature] / _counted[feature]);
}
