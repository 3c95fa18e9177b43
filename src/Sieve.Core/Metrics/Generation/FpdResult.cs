namespace Sieve.Core.Metrics.Generation;

/// <summary>The Fréchet physics distance: the extrapolated value, its error, and the points it was fitted to.</summary>
/// <param name="Value">FPD at infinite sample size (the fit's intercept, >= 0).</param>
/// <param name="Error">Standard error of the intercept from the fit's covariance.</param>
/// <param name="SampleSizes">Resample sizes N.</param>
/// <param name="MeanDistances">Mean Fréchet distance over the resamples at each N.</param>
/// <param name="Normalised">Whether features were divided by the reference's largest |value| first.</param>
public sealed record FpdResult(double Value, double Error, IReadOnlyList<int> SampleSizes, IReadOnlyList<double> MeanDistances, bool Normalised);
