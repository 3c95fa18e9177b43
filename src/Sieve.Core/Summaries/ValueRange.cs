namespace Sieve.Core.Summaries;

/// <summary>Smallest and largest value of a quantity over a set of events.</summary>
/// <param name="Min">Smallest value.</param>
/// <param name="Max">Largest value.</param>
public sealed record ValueRange(double Min, double Max);
