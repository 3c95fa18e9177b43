namespace Sieve.Reports.Generation;

/// <summary>What <see cref="ComparisonHistogram"/> draws: shared bins, both densities and their ratio.</summary>
/// <param name="Low">Lower edge (the reference's 0.5 % quantile).</param>
/// <param name="High">Upper edge (the reference's 99.5 % quantile).</param>
/// <param name="Reference">Reference density per bin (fraction of the whole sample per unit).</param>
/// <param name="Generated">Generated density per bin.</param>
/// <param name="Ratio">Generated / reference per bin; NaN where the reference bin is empty.</param>
/// <param name="ReferenceOutside">Reference values outside [Low, High].</param>
/// <param name="GeneratedOutside">Generated values outside [Low, High].</param>
public sealed record ComparisonBins(double Low, double High, double[] Reference, double[] Generated, double[] Ratio, int ReferenceOutside, int GeneratedOutside)
{
    /// <summary>Bin edges, one more than bins.</summary>
    public double[] Edges => [.. Enumerable.Range(0, Reference.Length + 1).Select(i => Low + ((High - Low) * i / Reference.Length))];
}
