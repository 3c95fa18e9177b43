namespace Sieve.Core.Metrics.Generation;

/// <summary>W1 of one feature: on the full samples, and mean ± standard deviation over bootstrap resamples.</summary>
/// <param name="Feature">Feature name.</param>
/// <param name="Full">W1 of the two full samples.</param>
/// <param name="Mean">Mean W1 over the resamples (what JetNet reports).</param>
/// <param name="Std">Standard deviation of W1 over the resamples (population, as <c>np.std</c>).</param>
public sealed record W1Estimate(string Feature, double Full, double Mean, double Std);
