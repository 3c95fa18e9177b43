namespace Sieve.Core.Tables;

/// <summary>
/// A table with its missing values taken out: <see cref="Table"/> holds the fill value where a value
/// was missing, <see cref="Mask"/> says where. <see cref="MissingValues.Restore"/> is the inverse.
/// </summary>
/// <param name="Table">Same shape, names and side channels as the input; missing values replaced by <see cref="FillValues"/>.</param>
/// <param name="Mask">(N, F) row-major: 1 where the value is present, 0 where it was the marker.</param>
/// <param name="Marker">The marker that meant "missing" (NaN allowed: then NaN cells are missing).</param>
/// <param name="FillValues">Per feature, the value written into missing cells.</param>
public sealed record MissingValueSplit(FeatureTable Table, double[] Mask, double Marker, IReadOnlyList<double> FillValues)
{
    /// <summary>Number of missing cells.</summary>
    public long MissingCount => Mask.LongCount(m => m == 0);
}
