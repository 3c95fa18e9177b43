namespace Sieve.Core.Metrics;

/// <summary>Whether every reconstructed value of a variable met an error bound.</summary>
/// <param name="Variable">Feature name.</param>
/// <param name="Bound">The bound (a fraction for relative bounds).</param>
/// <param name="Relative">Whether the bound is on the relative residual (over the rows the relative statistics count).</param>
/// <param name="MaxError">Largest |residual| (or |relative residual|) found.</param>
/// <param name="Passed">MaxError &lt;= Bound.</param>
public sealed record BoundCheck(string Variable, double Bound, bool Relative, double MaxError, bool Passed);
